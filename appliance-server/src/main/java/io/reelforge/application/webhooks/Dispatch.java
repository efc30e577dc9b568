package io.reelforge.application.webhooks;

import java.util.List;

/** A claimed delivery, ready to send: everything one attempt needs, read in the claiming transaction. */
record Dispatch(String deliveryId, String messageId, String url, String payload, List<String> secrets) {
}
