package io.reelforge.domain.model.safety;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One blocked word or phrase and the category a match is reported under. */
@Entity
@Table(name = "RF_SAFETY_TERM", uniqueConstraints = @UniqueConstraint(columnNames = {"CATEGORY", "PHRASE"}))
public class SafetyTerm {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 60)
    private String category;

    @Column(nullable = false, length = 200)
    private String phrase;

    @Column(nullable = false)
    private Instant createdAt;

    protected SafetyTerm() {
    }

    public SafetyTerm(String category, String phrase, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.category = category;
        this.phrase = SafetyPolicy.normalize(phrase);
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String category() {
        return category;
    }

    public String phrase() {
        return phrase;
    }
}
