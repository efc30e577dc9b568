/**
 * Use cases: submitting and reading generations, the render lifecycle (the one owner of the state machine),
 * dispatch to render slots, the credit ledger's operations, estimates, accounts. Resources, jobs and views
 * call these; these call the domain and its repositories, and the ports declared here that infrastructure implements
 * ({@link io.reelforge.application.EngineCatalog}, {@link io.reelforge.application.OutputStorage},
 * {@link io.reelforge.application.JobQueue}, and in {@code render} and {@code ops} the clip encoder, the render
 * limits, the log tags and the metrics). Settings come through small ports, each what one use case reads
 * ({@link io.reelforge.application.RequestLimits}, {@link io.reelforge.application.ClusterLease},
 * {@code console.SignInLimits}, {@code webhooks.WebhookLimits}, {@code ops.ApplianceFolders} …), all implemented by
 * the settings. The render use case itself is in {@code render}.
 */
package io.reelforge.application;
