/**
 * Operating the appliance: the metrics facade every layer records into (requests, renders, credits, webhook
 * attempts), the drain state of a stopping appliance, and the job counts behind the queue gauges.
 */
package io.reelforge.application.ops;
