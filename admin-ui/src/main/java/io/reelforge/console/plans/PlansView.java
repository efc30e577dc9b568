package io.reelforge.console.plans;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.PlanAdmin;
import io.reelforge.application.console.PlanAdmin.PlanRow;
import io.reelforge.application.console.PlanDraft;
import io.reelforge.console.layout.MainLayout;

/** Credit plans: the grid, and the form to create or edit one. Accounts are put on a plan in their own form. */
@Route(value = "plans", layout = MainLayout.class)
@PageTitle("Credit plans · Reelforge")
public class PlansView extends VerticalLayout {

    final Grid<PlanRow> grid = new Grid<>();
    final Button add = new Button("New plan");
    final PlanForm form = new PlanForm();

    private final transient PlanAdmin plans;
    private final boolean mayUpdate;

    @Inject
    public PlansView(PlanAdmin plans, ConsoleSessions sessions) {
        this.plans = plans;
        this.mayUpdate = sessions.isPermitted("plans:update");
        setSizeFull();
        configureGrid();
        configureForm();
        add.setId("new-plan");
        add.addClickListener(e -> {
            grid.asSingleSelect().clear();
            form.edit(new PlanDraft());
            form.setWritable(true);
        });
        add.setVisible(sessions.isPermitted("plans:create"));
        add(new HorizontalLayout(add), new Paragraph("A new price applies to the next clip, a new grant to the next "
                + "period; credits already granted stay. Put an account on a plan in the account's form."), form.besideGrid(grid));
        updateList();
    }

    private void configureGrid() {
        grid.setId("plans-grid");
        grid.setSizeFull();
        grid.addColumn(PlanRow::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(PlanRow::id).setHeader("Id");
        grid.addColumn(PlanRow::creditsPerPeriod).setHeader("Credits/period");
        grid.addColumn(PlanRow::signupBonusCredits).setHeader("Bonus");
        grid.addColumn(r -> r.videoAllowed() ? "yes" : "no").setHeader("Video");
        grid.addColumn(PlanRow::creditsPerClip).setHeader("Credits/clip");
        grid.addColumn(r -> String.format("%.2f", r.priceCentsPerPeriod() / 100.0)).setHeader("Price");
        grid.addColumn(PlanRow::accounts).setHeader("Accounts");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                form.edit(null);
            } else {
                form.edit(plans.draftOf(e.getValue().id()));
                form.setWritable(mayUpdate);
            }
        });
    }

    private void configureForm() {
        form.setId("plan-form");
        form.addSaveListener(e -> {
            plans.save(e.getDraft());
            updateList();
            form.edit(null);
        });
        form.addCloseListener(e -> form.edit(null));
    }

    private void updateList() {
        grid.setItems(plans.all());
    }

}
