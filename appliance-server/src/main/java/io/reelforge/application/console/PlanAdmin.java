package io.reelforge.application.console;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Credit plans: list, create, edit. A plan is assigned to an account in the account's form. The plans of the
 * reference product page are only the seed: edits here are never overwritten.
 */
@ApplicationScoped
@Transactional
public class PlanAdmin {

    public record PlanRow(String id, String name, long creditsPerPeriod, long signupBonusCredits, boolean videoAllowed,
                          int creditsPerClip, int priceCentsPerPeriod, long accounts) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    public List<PlanRow> all() {
        ConsoleSubject.require("plans:read");
        return accounts.plans().stream().map(p -> new PlanRow(p.id(), p.name(), p.creditsPerPeriod(),
                p.signupBonusCredits(), p.videoAllowed(), p.creditsPerClip(), p.priceCentsPerPeriod(),
                accounts.countOnPlan(p.id()))).toList();
    }

    public PlanDraft draftOf(String id) {
        ConsoleSubject.require("plans:read");
        Plan p = accounts.plan(id).orElseThrow(() -> ReelforgeException.notFound("plan", id));
        PlanDraft d = new PlanDraft();
        d.setExisting(true);
        d.setId(p.id());
        d.setName(p.name());
        d.setCreditsPerPeriod(p.creditsPerPeriod());
        d.setSignupBonusCredits(p.signupBonusCredits());
        d.setVideoAllowed(p.videoAllowed());
        d.setCreditsPerClip(p.creditsPerClip());
        d.setPriceCentsPerPeriod(p.priceCentsPerPeriod());
        return d;
    }

    /** Creates the plan or, for an existing draft, revises it; returns its id. */
    public String save(PlanDraft d) {
        String actor = ConsoleSubject.require(d.isExisting() ? "plans:update" : "plans:create");
        Drafts.check(validator, d, "plan.invalid");
        if (!d.isExisting()) {
            if (accounts.plan(d.getId()).isPresent()) {
                throw ReelforgeException.conflict("plan.exists", "There is already a plan with id " + d.getId() + ".");
            }
            accounts.store(new Plan(d.getId(), d.getName().trim(), d.getCreditsPerPeriod(), d.getSignupBonusCredits(),
                    d.isVideoAllowed(), d.getCreditsPerClip(), d.getPriceCentsPerPeriod()));
            audit.record(actor, "plans:create", d.getId(), describe(d));
            return d.getId();
        }
        Plan p = accounts.plan(d.getId()).orElseThrow(() -> ReelforgeException.notFound("plan", d.getId()));
        String before = describe(draftOf(p.id()));
        p.revise(d.getName().trim(), d.getCreditsPerPeriod(), d.getSignupBonusCredits(), d.isVideoAllowed(),
                d.getCreditsPerClip(), d.getPriceCentsPerPeriod());
        audit.record(actor, "plans:update", p.id(), before + " -> " + describe(d));
        return p.id();
    }

    private static String describe(PlanDraft d) {
        return d.getName() + ": " + d.getCreditsPerPeriod() + "/period + " + d.getSignupBonusCredits() + " bonus, "
                + (d.isVideoAllowed() ? "video" : "no video") + ", " + d.getCreditsPerClip() + "/clip, "
                + d.getPriceCentsPerPeriod() + " cents";
    }
}
