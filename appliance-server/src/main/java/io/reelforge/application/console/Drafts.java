package io.reelforge.application.console;

import java.util.Comparator;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.reelforge.domain.shared.ReelforgeException;

/** The services check a form's draft again (a view is never the only guard): the first violation, as a 422. */
final class Drafts {

    private Drafts() {
    }

    static <T> void check(Validator validator, T draft, String code) {
        Set<ConstraintViolation<T>> violations = validator.validate(draft);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw ReelforgeException.validation(v.getPropertyPath().toString(), code, v.getMessage());
        });
    }
}
