package io.reelforge.console.support;

import java.lang.reflect.Field;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

/**
 * A form over one draft bean (an account, a plan, a console user). It calls no service: it validates the draft
 * with the bean's constraints and tells its view what happened through typed events. Subclasses keep their
 * fields package-private so a unit test can fill them without a browser; the buttons are here, public.
 */
public abstract class DraftForm<T> extends FormLayout {

    public final Button save = new Button("Save");
    public final Button close = new Button("Close");

    protected final BeanValidationBinder<T> binder;
    private final Class<T> type;
    private final HorizontalLayout buttons = new HorizontalLayout(save, close);

    /** {@code idPrefix} names the buttons for the browser tests: {@code <prefix>-save}, {@code <prefix>-close}. */
    protected DraftForm(Class<T> type, String idPrefix) {
        binder = new BeanValidationBinder<>(type);
        this.type = type;
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this); // this form only: a page may hold two
        save.addClickListener(e -> validateAndSave());
        close.setId(idPrefix + "-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClickShortcut(Key.ESCAPE).listenOn(this);
        close.addClickListener(e -> fireEvent(new CloseEvent<>(this)));
    }

    /** Binds the subclass's fields by name to the bean's properties and lays them out above the buttons. */
    protected void layout(Component... fields) {
        requireNumbers();
        binder.bindInstanceFields(this);
        add(fields);
        add(buttons);
    }

    /**
     * A number field left empty for a property that cannot be empty (an {@code int}) gets the field's own message;
     * bound as is, the binder would write null into the primitive and fail with an exception instead.
     */
    private void requireNumbers() {
        for (Field f : getClass().getDeclaredFields()) {
            if (!AbstractNumberField.class.isAssignableFrom(f.getType()) || binder.getBinding(f.getName()).isPresent()
                    || !primitive(f.getName())) {
                continue;
            }
            try {
                f.setAccessible(true);
                binder.forMemberField((AbstractNumberField<?, ?>) f.get(this)).asRequired("Enter a number");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean primitive(String property) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(property).getType().isPrimitive();
            } catch (NoSuchFieldException e) {
                // a property of a superclass, or none at all
            }
        }
        return false;
    }

    /** Another button beside Save and Close (before Close). */
    protected void addButton(Button button) {
        buttons.addComponentAtIndex(buttons.getComponentCount() - 1, button);
    }

    /** A role that may only read sees the values and no Save (the service would refuse it anyway). */
    public void setWritable(boolean writable) {
        binder.setReadOnly(!writable);
        save.setVisible(writable);
    }

    public void setDraft(T draft) {
        binder.setBean(draft);
    }

    /** Shows the form with this draft beside its grid; null hides it. */
    public void edit(T draft) {
        setDraft(draft);
        setVisible(draft != null);
    }

    /** The usual page body: the grid, and this form to its right (hidden until a row or "New" is picked). */
    public HorizontalLayout besideGrid(Grid<?> grid) {
        HorizontalLayout content = new HorizontalLayout(grid, this);
        content.setFlexGrow(2, grid);
        content.setSizeFull();
        setWidth("28em");
        edit(null);
        return content;
    }

    public T getDraft() {
        return binder.getBean();
    }

    private void validateAndSave() {
        if (binder.validate().isOk()) {
            fireEvent(new SaveEvent<>(this, binder.getBean()));
        }
    }

    /** What a form tells its view. */
    public abstract static class DraftEvent<T> extends ComponentEvent<DraftForm<T>> {
        private final transient T draft;

        protected DraftEvent(DraftForm<T> source, T draft) {
            super(source, false);
            this.draft = draft;
        }

        public T getDraft() {
            return draft;
        }
    }

    public static class SaveEvent<T> extends DraftEvent<T> {
        SaveEvent(DraftForm<T> source, T draft) {
            super(source, draft);
        }
    }

    public static class CloseEvent<T> extends DraftEvent<T> {
        CloseEvent(DraftForm<T> source) {
            super(source, null);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<T>> listener) {
        return addListener((Class) SaveEvent.class, (ComponentEventListener) listener);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addCloseListener(ComponentEventListener<CloseEvent<T>> listener) {
        return addListener((Class) CloseEvent.class, (ComponentEventListener) listener);
    }
}
