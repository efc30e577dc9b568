// Package reelforge is the Go client of the Reelforge text-to-video appliance.
//
//	client := reelforge.New("KEY") // or "" to read REELFORGE_API_KEY
//	job, err := client.Video.Generate(reelforge.VideoRequest{Prompt: "Harbour at dusk", Resolution: "1080p", Duration: 5})
//	result, err := client.Video.Wait(job.GenerationID)
//	err = result.Save("output.mp4")
//
// Every POST carries an Idempotency-Key made once per call and reused by its retries; 429, 503 and connection
// errors are retried with exponential backoff that honours Retry-After. Failures are typed (see errors.go).
package reelforge

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Version is this SDK's version; it goes into the User-Agent.
const Version = "0.1.0"

// UserAgent is sent with every request.
const UserAgent = "reelforge-go/" + Version

// DefaultBaseURL is used when neither WithBaseURL nor REELFORGE_BASE_URL says otherwise.
const DefaultBaseURL = "http://localhost:8080"

// Client talks to one appliance with one API key. It is safe for concurrent use.
type Client struct {
	apiKey        string
	baseURL       string
	maxRetries    int
	retryDelay    time.Duration
	maxRetryDelay time.Duration
	timeout       time.Duration
	httpClient    *http.Client

	Video    *VideoService
	Account  *AccountService
	Webhooks *WebhooksService
}

// Option configures a Client (functional options).
type Option func(*Client)

// WithAPIKey sets the key (same as New's argument).
func WithAPIKey(key string) Option { return func(c *Client) { c.apiKey = key } }

// WithBaseURL sets the appliance's root URL, e.g. "http://video.internal:8080"; the SDK adds /v1/….
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") } }

// WithMaxRetries sets how many times a 429, 503 or connection error is retried (default 4; 0 turns retries off).
func WithMaxRetries(n int) Option { return func(c *Client) { c.maxRetries = n } }

// WithRetryDelay sets the first backoff delay (default 5 s); it doubles on each retry up to WithMaxRetryDelay.
func WithRetryDelay(d time.Duration) Option { return func(c *Client) { c.retryDelay = d } }

// WithMaxRetryDelay caps a backoff delay, Retry-After included (default 60 s).
func WithMaxRetryDelay(d time.Duration) Option { return func(c *Client) { c.maxRetryDelay = d } }

// WithTimeout sets the time one HTTP attempt may take (default 60 s; a long-poll adds its wait to it).
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithHTTPClient replaces the http.Client (its Timeout should be 0: the SDK sets deadlines per attempt).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.httpClient = h } }

// New makes a client. An empty key is taken from REELFORGE_API_KEY, the base URL from WithBaseURL, else
// REELFORGE_BASE_URL, else http://localhost:8080.
func New(apiKey string, opts ...Option) *Client {
	c := &Client{
		apiKey:        apiKey,
		baseURL:       strings.TrimRight(os.Getenv("REELFORGE_BASE_URL"), "/"),
		maxRetries:    4,
		retryDelay:    5 * time.Second,
		maxRetryDelay: 60 * time.Second,
		timeout:       60 * time.Second,
		httpClient:    &http.Client{},
	}
	if c.apiKey == "" {
		c.apiKey = os.Getenv("REELFORGE_API_KEY")
	}
	if c.baseURL == "" {
		c.baseURL = DefaultBaseURL
	}
	for _, o := range opts {
		o(c)
	}
	c.Video = &VideoService{c: c}
	c.Account = &AccountService{c: c}
	c.Webhooks = &WebhooksService{c: c}
	return c
}

// BaseURL is the appliance root this client calls.
func (c *Client) BaseURL() string { return c.baseURL }

// request is one logical call; its body is built once so that every retry sends the same bytes and key.
type request struct {
	method      string
	path        string // under the base URL, e.g. /v1/video; or an absolute URL when absolute is set
	absolute    bool
	query       url.Values
	body        []byte
	contentType string
	header      http.Header
	noAuth      bool
	extraWait   time.Duration // a long-poll's wait, added to the attempt's deadline
}

func newIdempotencyKey() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func jsonRequest(method, path string, v interface{}) (*request, error) {
	r := &request{method: method, path: path}
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		r.body, r.contentType = b, "application/json"
	}
	return r, nil
}

// do sends r with retries and decodes a 2xx JSON answer into out (when out is not nil).
func (c *Client) do(ctx context.Context, r *request, out interface{}) (*http.Response, error) {
	resp, body, err := c.send(ctx, r)
	if err != nil {
		return nil, err
	}
	if out != nil && len(body) > 0 {
		if err := json.Unmarshal(body, out); err != nil {
			return resp, &APIError{StatusCode: resp.StatusCode, Type: "api_error", Code: "invalid_response",
				Message: "the answer is not the expected JSON: " + err.Error(), RequestID: resp.Header.Get("X-Request-Id")}
		}
	}
	return resp, nil
}

func (c *Client) send(ctx context.Context, r *request) (*http.Response, []byte, error) {
	if r.method == http.MethodPost && !r.noAuth {
		if r.header == nil {
			r.header = http.Header{}
		}
		if r.header.Get("Idempotency-Key") == "" {
			r.header.Set("Idempotency-Key", newIdempotencyKey())
		}
	}
	for attempt := 0; ; attempt++ {
		resp, body, err := c.attempt(ctx, r)
		if err == nil && resp.StatusCode < 300 {
			return resp, body, nil
		}
		if err == nil {
			err = errorFromResponse(resp, body)
		}
		if ctx.Err() != nil {
			return nil, nil, err
		}
		wait, retry := c.retryable(err, attempt)
		if !retry {
			return nil, nil, err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, err
		case <-t.C:
		}
	}
}

// retryable says whether err may be retried after attempt (0-based) and after how long.
func (c *Client) retryable(err error, attempt int) (time.Duration, bool) {
	if attempt >= c.maxRetries {
		return 0, false
	}
	var ra time.Duration
	var hasRA bool
	var rl *RateLimitError
	var se *ServerError
	var ce *ConflictError
	switch {
	case errors.As(err, &rl):
		ra, hasRA = rl.RetryAfter, rl.hasRetryAfter
	case errors.As(err, &se) && se.StatusCode == http.StatusServiceUnavailable:
		ra, hasRA = se.RetryAfter, se.hasRetryAfter
	case errors.As(err, &ce) && ce.Code == "idempotency_request_in_progress":
	case isTransport(err):
	default:
		return 0, false
	}
	d := c.retryDelay << uint(attempt)
	if d <= 0 || d > c.maxRetryDelay {
		d = c.maxRetryDelay
	}
	if hasRA && ra > d {
		d = ra // never sooner than the appliance asks, but the backoff keeps growing when it asks for less
		if d > c.maxRetryDelay {
			d = c.maxRetryDelay
		}
	}
	return d, true
}

func isTransport(err error) bool {
	var ce *ConnectionError
	var te *TimeoutError
	return errors.As(err, &ce) || errors.As(err, &te)
}

func (c *Client) attempt(ctx context.Context, r *request) (*http.Response, []byte, error) {
	target := r.path
	if !r.absolute {
		target = c.baseURL + r.path
	}
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	actx, cancel := context.WithTimeout(ctx, c.timeout+r.extraWait)
	defer cancel()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(actx, r.method, target, body)
	if err != nil {
		return nil, nil, err
	}
	for k, vs := range r.header {
		req.Header[k] = vs
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "application/json")
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if !r.noAuth {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, nil, transportError(r, err, actx)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, transportError(r, err, actx)
	}
	return resp, b, nil
}

// transportError names the call, never its headers, so no key ends up in a message.
func transportError(r *request, err error, ctx context.Context) error {
	what := r.method + " " + redact(r)
	if ctx.Err() == context.DeadlineExceeded || isNetTimeout(err) {
		return &TimeoutError{Message: what + " timed out", Err: err}
	}
	return &ConnectionError{Message: what + " failed: " + innermost(err), Err: err}
}

func redact(r *request) string {
	if r.absolute {
		if u, err := url.Parse(r.path); err == nil {
			return u.Scheme + "://" + u.Host + u.Path
		}
	}
	return r.path
}

func innermost(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

func isNetTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func retryAfter(h http.Header) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := time.Until(t)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func escape(id string) string { return url.PathEscape(id) }

func mustNotEmpty(what, v string) error {
	if v == "" {
		return &ValidationError{&APIError{Type: "invalid_request_error", Code: "missing_" + what,
			Message: fmt.Sprintf("%s must not be empty", what), Param: what}}
	}
	return nil
}
