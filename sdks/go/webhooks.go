package reelforge

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// WebhookEndpoint is an account endpoint; Secret is set only in the answer to Create.
type WebhookEndpoint struct {
	ID             string   `json:"id"`
	URL            string   `json:"url"`
	Description    string   `json:"description"`
	Events         []string `json:"events"`
	Status         string   `json:"status"`
	DisabledReason string   `json:"disabled_reason"`
	CreatedAt      string   `json:"created_at"`
	Secret         string   `json:"secret"`
}

// WebhookEndpointParams is POST /v1/webhooks; no Events means every event.
type WebhookEndpointParams struct {
	URL         string   `json:"url"`
	Events      []string `json:"events,omitempty"`
	Description string   `json:"description,omitempty"`
}

// WebhookSecret is a new signing secret, shown once.
type WebhookSecret struct {
	Secret                   string `json:"secret"`
	PreviousSecretValidUntil string `json:"previous_secret_valid_until"`
}

// DeliveryAttempt is one try of a delivery.
type DeliveryAttempt struct {
	Number      int    `json:"number"`
	AttemptedAt string `json:"attempted_at"`
	StatusCode  *int   `json:"status_code"`
	Response    string `json:"response"`
	Error       string `json:"error"`
	DurationMs  int64  `json:"duration_ms"`
}

// WebhookDelivery is one message to one target and its attempts.
type WebhookDelivery struct {
	ID             string            `json:"id"`
	WebhookID      string            `json:"webhook_id"`
	EndpointID     string            `json:"endpoint_id"`
	URL            string            `json:"url"`
	EventType      string            `json:"event_type"`
	GenerationID   string            `json:"generation_id"`
	Status         string            `json:"status"`
	Attempts       int               `json:"attempts"`
	LastStatusCode *int              `json:"last_status_code"`
	LastError      string            `json:"last_error"`
	NextAttemptAt  string            `json:"next_attempt_at"`
	CreatedAt      string            `json:"created_at"`
	FinishedAt     string            `json:"finished_at"`
	AttemptLog     []DeliveryAttempt `json:"attempt_log"`
}

// WebhooksService is client.Webhooks: endpoint CRUD, deliveries, and Verify.
type WebhooksService struct{ c *Client }

func (s *WebhooksService) call(method, path string, in, out interface{}) error {
	r, err := jsonRequest(method, path, in)
	if err != nil {
		return err
	}
	_, err = s.c.do(context.Background(), r, out)
	return err
}

// Create registers an endpoint; keep the returned Secret, it is shown this once.
func (s *WebhooksService) Create(p WebhookEndpointParams) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.call(http.MethodPost, "/v1/webhooks", p, &e)
}

// List returns the account's endpoints, oldest first.
func (s *WebhooksService) List() ([]WebhookEndpoint, error) {
	var p struct {
		Data []WebhookEndpoint `json:"data"`
	}
	return p.Data, s.call(http.MethodGet, "/v1/webhooks", nil, &p)
}

// Get reads one endpoint.
func (s *WebhooksService) Get(id string) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.call(http.MethodGet, "/v1/webhooks/"+escape(id), nil, &e)
}

// Delete removes an endpoint and its deliveries.
func (s *WebhooksService) Delete(id string) error {
	return s.call(http.MethodDelete, "/v1/webhooks/"+escape(id), nil, nil)
}

// RotateSecret gives the endpoint a new secret; the old one keeps signing during its grace period.
func (s *WebhooksService) RotateSecret(id string) (*WebhookSecret, error) {
	var w WebhookSecret
	return &w, s.call(http.MethodPost, "/v1/webhooks/"+escape(id)+"/rotate-secret", nil, &w)
}

// Enable turns on an endpoint that a 410 disabled.
func (s *WebhooksService) Enable(id string) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.call(http.MethodPost, "/v1/webhooks/"+escape(id)+"/enable", nil, &e)
}

// CreateSigningKey creates or rotates the account's key for per-job webhook_urls (shown once).
func (s *WebhooksService) CreateSigningKey() (*WebhookSecret, error) {
	var w WebhookSecret
	return &w, s.call(http.MethodPost, "/v1/webhooks/signing-key", nil, &w)
}

// Deliveries iterates over deliveries, newest first: of one endpoint, or all of them when endpointID is "".
func (s *WebhooksService) Deliveries(endpointID string, limit int) *Iter[WebhookDelivery] {
	path := "/v1/webhooks/deliveries"
	if endpointID != "" {
		path = "/v1/webhooks/" + escape(endpointID) + "/deliveries"
	}
	return newIter[WebhookDelivery](s.c, path, url.Values{}, limit, nil)
}

// GetDelivery reads one delivery.
func (s *WebhooksService) GetDelivery(id string) (*WebhookDelivery, error) {
	var d WebhookDelivery
	return &d, s.call(http.MethodGet, "/v1/webhooks/deliveries/"+escape(id), nil, &d)
}

// Redeliver sends a delivery's message again.
func (s *WebhooksService) Redeliver(id string) (*WebhookDelivery, error) {
	var d WebhookDelivery
	return &d, s.call(http.MethodPost, "/v1/webhooks/deliveries/"+escape(id)+"/redeliver", nil, &d)
}

// Verify checks a delivery; see VerifyWebhook.
func (s *WebhooksService) Verify(payload []byte, headers http.Header, secret string) (*WebhookEvent, error) {
	return VerifyWebhook(payload, headers, secret)
}

// WebhookEvent is a delivery's body: {"type": "video.completed", "timestamp": "…", "data": <the generation>}.
type WebhookEvent struct {
	Type      string     `json:"type"`
	Timestamp string     `json:"timestamp"`
	Data      Generation `json:"data"`
}

// WebhookTolerance is how far a delivery's webhook-timestamp may be from now.
const WebhookTolerance = 5 * time.Minute

// WebhookVerificationError says why a delivery was refused; it never contains the secret.
type WebhookVerificationError struct{ Reason string }

func (e *WebhookVerificationError) Error() string { return "reelforge: webhook refused: " + e.Reason }

// VerifyWebhook checks a Standard Webhooks delivery: payload is the raw body, headers the request's
// (webhook-id, webhook-timestamp, webhook-signature), secret the endpoint's "whsec_…". It returns the parsed
// event when one of the space-separated v1 signatures matches and the timestamp is within 5 minutes of now,
// else a *WebhookVerificationError.
func VerifyWebhook(payload []byte, headers http.Header, secret string) (*WebhookEvent, error) {
	if err := verifyAt(payload, headers, secret, time.Now()); err != nil {
		return nil, err
	}
	var e WebhookEvent
	if err := json.Unmarshal(payload, &e); err != nil {
		return nil, &WebhookVerificationError{"the signed body is not a JSON event"}
	}
	return &e, nil
}

func verifyAt(payload []byte, headers http.Header, secret string, now time.Time) error {
	id, ts, sigs := headers.Get("webhook-id"), headers.Get("webhook-timestamp"), headers.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return &WebhookVerificationError{"missing webhook-id, webhook-timestamp or webhook-signature header"}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return &WebhookVerificationError{"webhook-timestamp is not a number"}
	}
	if d := now.Sub(time.Unix(sec, 0)); d > WebhookTolerance || d < -WebhookTolerance {
		return &WebhookVerificationError{"webhook-timestamp is more than 5 minutes from now"}
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil || len(key) == 0 {
		return &WebhookVerificationError{"the secret is not whsec_ and base64"}
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(payload)
	want := mac.Sum(nil)
	for _, s := range strings.Fields(sigs) {
		v, b64, ok := strings.Cut(s, ",")
		if !ok || v != "v1" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(b64)
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return &WebhookVerificationError{"no matching v1 signature"}
}
