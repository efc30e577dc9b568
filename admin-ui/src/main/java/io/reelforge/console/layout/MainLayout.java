package io.reelforge.console.layout;

import jakarta.inject.Inject;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.console.accounts.AccountsView;
import io.reelforge.console.audit.AuditView;
import io.reelforge.console.dashboard.DashboardView;
import io.reelforge.console.generations.GenerationsView;
import io.reelforge.console.keys.KeysView;
import io.reelforge.console.models.ModelsView;
import io.reelforge.console.plans.PlansView;
import io.reelforge.console.settings.SettingsPage;
import io.reelforge.console.users.UsersView;
import io.reelforge.console.support.SignOut;
import io.reelforge.console.webhooks.WebhooksView;

/** The frame around every signed-in view: the navigation, who is signed in, and logout. */
public class MainLayout extends AppLayout {

    private final transient ConsoleSessions sessions;

    @Inject
    public MainLayout(ConsoleSessions sessions) {
        this.sessions = sessions;
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(navigation());
    }

    private HorizontalLayout header() {
        H1 title = new H1("Reelforge");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(sessions.current().map(u -> u.username() + " (" + u.role() + ")").orElse(""));
        who.setId("signed-in-user");
        Button logout = new Button("Log out", e -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(title, who, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        return bar;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class),
                new SideNavItem("Accounts", AccountsView.class),
                new SideNavItem("Credit plans", PlansView.class),
                new SideNavItem("API keys", KeysView.class),
                new SideNavItem("Webhooks", WebhooksView.class),
                new SideNavItem("Generations", GenerationsView.class),
                new SideNavItem("Models", ModelsView.class),
                new SideNavItem("Audit log", AuditView.class));
        // Shown to those whose role allows them; the services refuse everyone else anyway.
        if (sessions.isPermitted("users:read")) {
            nav.addItem(new SideNavItem("Console users", UsersView.class));
        }
        if (sessions.isPermitted("settings:read")) {
            nav.addItem(new SideNavItem("Settings", SettingsPage.class));
        }
        return nav;
    }

    private void logout() {
        getUI().ifPresent(ui -> SignOut.now(ui, sessions));
    }
}
