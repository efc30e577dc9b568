package io.reelforge.console.generations;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.AccountAdmin.AccountRow;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.console.support.Times;

/**
 * The generations grid's filters: account, status, engine, resolution, a date range (whole days in UTC, both
 * ends included) and text in the prompt. Tells its view the new query whenever one changes.
 */
class GenerationFilters extends HorizontalLayout {

    static final String ANY = "any";

    final ComboBox<AccountRow> account = new ComboBox<>("Account");
    final Select<String> status = new Select<>();
    final Select<String> engine = new Select<>();
    final Select<String> resolution = new Select<>();
    final DatePicker from = Times.utcDayPicker("From (UTC)", "filter-from");
    final DatePicker to = Times.utcDayPicker("To (UTC, included)", "filter-to");
    final TextField prompt = new TextField("Prompt contains");

    private Consumer<GenerationQuery> onChange = q -> { };

    GenerationFilters(AccountAdmin accounts, List<String> engineIds) {
        account.setId("filter-account");
        account.setItems(q -> accounts.page(q.getOffset(), q.getLimit()).stream());
        account.setItemLabelGenerator(AccountRow::name);
        account.setClearButtonVisible(true);
        account.setWidth("14em");
        choice(status, "filter-status", "Status", Arrays.stream(GenerationStatus.values()).map(GenerationStatus::wireName).toList());
        choice(engine, "filter-engine", "Engine", engineIds);
        choice(resolution, "filter-resolution", "Resolution", Arrays.stream(Resolution.values()).map(Resolution::wireName).toList());
        from.setWidth("12em");
        to.setWidth("12em");
        prompt.setId("filter-prompt");
        prompt.setClearButtonVisible(true);
        prompt.setValueChangeMode(ValueChangeMode.LAZY);
        prompt.setMaxLength(GenerationQuery.MAX_PROMPT_SEARCH);
        add(account, status, engine, resolution, from, to, prompt);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        account.addValueChangeListener(e -> changed());
        status.addValueChangeListener(e -> changed());
        engine.addValueChangeListener(e -> changed());
        resolution.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            changed();
        });
        to.addValueChangeListener(e -> changed());
        prompt.addValueChangeListener(e -> changed());
    }

    void addChangeListener(Consumer<GenerationQuery> listener) {
        this.onChange = listener;
    }

    /** The filters as a query, unsorted: the grid adds its order. */
    GenerationQuery query() {
        return new GenerationQuery(account.getValue() == null ? null : account.getValue().id(),
                GenerationStatus.fromWire(status.getValue()), any(engine.getValue()), any(resolution.getValue()),
                Times.startOf(from.getValue()), Times.endOf(to.getValue()),
                prompt.getValue(), List.of());
    }

    private void changed() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("Ends before it starts");
            return;
        }
        to.setInvalid(false);
        onChange.accept(query());
    }

    private static void choice(Select<String> select, String id, String label, List<String> values) {
        select.setId(id);
        select.setLabel(label);
        select.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY), values.stream()).toList());
        select.setValue(ANY);
        select.setWidth("9em");
    }

    private static String any(String value) {
        return ANY.equals(value) ? null : value;
    }
}
