package reelforge

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// A 503 (Retry-After: 1) then a 429 (Retry-After: 0) then the job: one Idempotency-Key for all three attempts,
// the SDK's User-Agent, the key only in Authorization.
func TestRetriesReuseTheIdempotencyKey(t *testing.T) {
	var mu sync.Mutex
	var keys, agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		keys = append(keys, r.Header.Get("Idempotency-Key"))
		agents = append(agents, r.Header.Get("User-Agent"))
		if r.Header.Get("Authorization") != "Bearer rf_live_k" {
			t.Errorf("authorization %q", r.Header.Get("Authorization"))
		}
		switch len(keys) {
		case 1:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(503)
			_, _ = w.Write([]byte(`{"error":{"type":"api_error","code":"engine_not_ready","message":"m","param":null}}`))
		case 2:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(429)
			_, _ = w.Write([]byte(`{"error":{"type":"rate_limit_error","code":"concurrency_limit_exceeded","message":"m"}}`))
		default:
			w.WriteHeader(202)
			_, _ = w.Write([]byte(`{"generation_id":"g1","status":"queued","estimated_seconds":3}`))
		}
	}))
	defer srv.Close()
	c := New("rf_live_k", WithBaseURL(srv.URL), WithRetryDelay(10*time.Millisecond))
	start := time.Now()
	g, err := c.Video.Generate(VideoRequest{Prompt: "p"})
	if err != nil || g.GenerationID != "g1" {
		t.Fatalf("%+v %v", g, err)
	}
	if took := time.Since(start); took < time.Second || took > 5*time.Second {
		t.Fatalf("took %s; Retry-After: 1 asks for at least 1 s", took)
	}
	if len(keys) != 3 || keys[0] == "" || keys[0] != keys[1] || keys[1] != keys[2] {
		t.Fatalf("idempotency keys %v", keys)
	}
	if agents[0] != "reelforge-go/"+Version {
		t.Fatalf("user agent %q", agents[0])
	}
}

// With retries spent, a 429 comes back as a *RateLimitError with RetryAfter, and a 500 is not retried.
func TestTypedErrorsAfterRetries(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if strings.HasSuffix(r.URL.Path, "/boom") {
			w.WriteHeader(500)
			return
		}
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(429)
		_, _ = w.Write([]byte(`{"error":{"type":"rate_limit_error","code":"rate_limit_exceeded","message":"slow down"}}`))
	}))
	defer srv.Close()
	c := New("rf_live_secret", WithBaseURL(srv.URL), WithMaxRetries(2), WithRetryDelay(time.Millisecond))
	_, err := c.Account.Get()
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.Code != "rate_limit_exceeded" || calls != 3 || strings.Contains(err.Error(), "rf_live_secret") {
		t.Fatalf("%v after %d calls", err, calls)
	}
	calls = 0
	_, err = c.Video.Get("boom")
	var se *ServerError
	if !errors.As(err, &se) || se.StatusCode != 500 || calls != 1 {
		t.Fatalf("%v after %d calls", err, calls)
	}
}
