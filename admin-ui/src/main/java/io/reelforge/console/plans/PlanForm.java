package io.reelforge.console.plans;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.binder.Result;

import io.reelforge.application.console.PlanDraft;
import io.reelforge.console.support.DraftForm;

/** Creates or edits a credit plan; the id is chosen once and then fixed. */
public class PlanForm extends DraftForm<PlanDraft> {

    final TextField id = new TextField("Id (fixed once created)");
    final TextField name = new TextField("Name");
    final IntegerField creditsPerPeriod = new IntegerField("Credits per period");
    final IntegerField signupBonusCredits = new IntegerField("Sign-up bonus credits");
    final Checkbox videoAllowed = new Checkbox("Video allowed (live keys)");
    final IntegerField creditsPerClip = new IntegerField("Credits per clip");
    final IntegerField priceCentsPerPeriod = new IntegerField("Price per period (cents)");

    public PlanForm() {
        super(PlanDraft.class, "plan");
        id.setId("plan-id");
        name.setId("plan-name");
        creditsPerPeriod.setId("plan-credits");
        signupBonusCredits.setId("plan-bonus");
        videoAllowed.setId("plan-video");
        creditsPerClip.setId("plan-clip-price");
        priceCentsPerPeriod.setId("plan-price");
        // The long credit amounts are edited in integer fields (up to 2^31, plenty for credits).
        binder.forField(creditsPerPeriod).withConverter(LONG).bind("creditsPerPeriod");
        binder.forField(signupBonusCredits).withConverter(LONG).bind("signupBonusCredits");
        layout(id, name, creditsPerPeriod, signupBonusCredits, videoAllowed, creditsPerClip, priceCentsPerPeriod);
    }

    private static final Converter<Integer, Long> LONG = Converter.from(
            i -> i == null ? Result.error("Enter a number") : Result.ok(i.longValue()),
            l -> l == null ? null : (int) Math.min(Integer.MAX_VALUE, l));

    @Override
    public void setDraft(PlanDraft draft) {
        super.setDraft(draft);
        id.setReadOnly(draft != null && draft.isExisting());
    }
}
