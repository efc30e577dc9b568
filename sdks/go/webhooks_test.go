package reelforge

import (
	"net/http"
	"testing"
	"time"
)

// The Standard Webhooks specification's own example (github.com/standard-webhooks/standard-webhooks).
func TestVerifyStandardWebhooksVector(t *testing.T) {
	secret := "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	body := []byte(`{"test": 2432232314}`)
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1,bm9ldHZhbGlk v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	at := time.Unix(1614265330, 0)
	if err := verifyAt(body, h, secret, at); err != nil {
		t.Fatalf("the specification's example is refused: %v", err)
	}
	if err := verifyAt(body, h, secret, at.Add(6*time.Minute)); err == nil {
		t.Fatal("a timestamp 6 minutes old is accepted")
	}
	if err := verifyAt([]byte(`{"test": 2432232315}`), h, secret, at); err == nil {
		t.Fatal("a changed body is accepted")
	}
}
