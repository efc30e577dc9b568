package io.reelforge.console.models;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * Adds an upstream to the remote engine: its base URL, how many renders at once, and its API key (a password
 * field: once added, the key is stored sealed and never shown again). The service checks the URL, the limit
 * and the address policy; {@link #showError} puts its answer beside the field it names.
 */
public class UpstreamForm extends HorizontalLayout {

    final TextField baseUrl = new TextField("Base URL");
    final IntegerField maxInFlight = new IntegerField("Max in flight");
    final PasswordField apiKey = new PasswordField("API key");
    final Button add = new Button("Add upstream");

    /** The form's values, when Add is clicked. */
    public static class AddEvent extends ComponentEvent<UpstreamForm> {
        private final String baseUrl;
        private final Integer maxInFlight;
        private final String apiKey;

        AddEvent(UpstreamForm source, String baseUrl, Integer maxInFlight, String apiKey) {
            super(source, false);
            this.baseUrl = baseUrl;
            this.maxInFlight = maxInFlight;
            this.apiKey = apiKey;
        }

        public String baseUrl() {
            return baseUrl;
        }

        public Integer maxInFlight() {
            return maxInFlight;
        }

        public String apiKey() {
            return apiKey;
        }
    }

    public UpstreamForm() {
        baseUrl.setId("upstream-url");
        baseUrl.setPlaceholder("http://gpu-1:8000/v1");
        baseUrl.setWidth("24em");
        baseUrl.setHelperText("Loopback, link-local and metadata addresses are refused unless allow-listed.");
        maxInFlight.setId("upstream-max");
        maxInFlight.setValue(1);
        maxInFlight.setMin(1);
        maxInFlight.setMax(1000);
        apiKey.setId("upstream-key");
        apiKey.setHelperText("Stored encrypted; never shown again.");
        add.setId("upstream-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> {
            baseUrl.setInvalid(false);
            maxInFlight.setInvalid(false);
            fireEvent(new AddEvent(this, baseUrl.getValue(), maxInFlight.getValue(), apiKey.getValue()));
        });
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(baseUrl, maxInFlight, apiKey, add);
    }

    public Registration addAddListener(com.vaadin.flow.component.ComponentEventListener<AddEvent> listener) {
        return addListener(AddEvent.class, listener);
    }

    public void clear() {
        baseUrl.clear();
        maxInFlight.setValue(1);
        apiKey.clear();
    }

    /** Beside {@code base_url} or {@code max_in_flight}; false when the error names neither, for the view to report. */
    public boolean showError(ReelforgeException e) {
        String param = e.param() == null ? "" : e.param();
        if ("base_url".equals(param)) {
            baseUrl.setErrorMessage(e.getMessage());
            baseUrl.setInvalid(true);
            return true;
        }
        if ("max_in_flight".equals(param)) {
            maxInFlight.setErrorMessage(e.getMessage());
            maxInFlight.setInvalid(true);
            return true;
        }
        return false;
    }
}
