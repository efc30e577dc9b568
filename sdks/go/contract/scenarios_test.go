package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	reelforge "github.com/reelforge/reelforge-go"
)

func TestS01SubmitWaitSave(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S01", "a red fox runs through the snow"),
		Resolution: "720p", Duration: 5, Seed: reelforge.Int64(42)})
	if job.GenerationID == "" || (job.Status != "queued" && job.Status != "processing") {
		t.Fatalf("job %+v", job)
	}
	result, err := wait60(c, job.GenerationID)
	if err != nil {
		t.Fatal(err)
	}
	if result.Status != "completed" || result.CreditsUsed != 90 ||
		!strings.HasPrefix(result.OutputURL, "http") || !strings.HasPrefix(result.ThumbnailURL, "http") {
		t.Fatalf("result %+v", result)
	}
	path := filepath.Join(t.TempDir(), "s01.mp4")
	if err := result.Save(path); err != nil {
		t.Fatal(err)
	}
	validMP4(t, path, 1280, 720)
	saved, _ := os.ReadFile(path)
	downloaded, err := result.Download()
	if err != nil || !bytes.Equal(saved, downloaded) {
		t.Fatalf("download differs from the saved file (%d vs %d bytes): %v", len(downloaded), len(saved), err)
	}
	if g, err := c.Video.Get(job.GenerationID); err != nil || g.Status != "completed" {
		t.Fatalf("get: %+v %v", g, err)
	}
}

func TestS02ImageToVideo(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	dir := t.TempDir()
	path, data := writePNG(t, dir)
	t.Run("a_path", func(t *testing.T) {
		job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S02a", "camera slowly zooms in, warm lighting"),
			Resolution: "720p", Image: reelforge.FileFromPath(path)})
		result, err := wait60(c, job.GenerationID)
		if err != nil {
			t.Fatal(err)
		}
		if result.Request["image"] != true {
			t.Fatalf("request.image = %v", result.Request["image"])
		}
		out := filepath.Join(dir, "s02.mp4")
		if err := result.Save(out); err != nil {
			t.Fatal(err)
		}
		validMP4(t, out, 1280, 720)
	})
	for name, f := range map[string]*reelforge.File{
		"b_bytes":  reelforge.FileFromBytes("start.png", data),
		"b_reader": reelforge.FileFromReader("start.png", io.MultiReader(bytes.NewReader(data))),
	} {
		f := f
		t.Run(name, func(t *testing.T) {
			job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S02b", "a product turns on a table"),
				Resolution: "720p", Image: f})
			if _, err := c.Video.Cancel(job.GenerationID); err != nil {
				t.Fatal(err)
			}
			g, err := c.Video.Get(job.GenerationID)
			if err != nil || g.Request["image"] != true {
				t.Fatalf("get: request.image = %v, %v", g, err)
			}
		})
	}
}

func TestS03QuotaOfOneRetriesThrough429(t *testing.T) {
	c := client(t, "REELFORGE_QUOTA1_KEY", reelforge.WithMaxRetries(8))
	a := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S03", "job A"), Resolution: "720p"})
	start := time.Now()
	b := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S03", "job B"), Resolution: "720p"})
	if took := time.Since(start); took > 60*time.Second {
		t.Fatalf("generate took %s", took)
	}
	ga, err := c.Video.Get(a.GenerationID)
	if err != nil || !ga.Terminal() {
		t.Fatalf("A is still in flight after B was accepted: %+v %v", ga, err)
	}
	if done, created := parseTime(t, ga.CompletedAt), parseTime(t, b.CreatedAt); done.After(created) {
		t.Fatalf("A completed at %s, after B was created at %s", done, created)
	}
	if _, err := wait60(c, b.GenerationID); err != nil {
		t.Fatal(err)
	}
}

func TestS04IdempotentRetryChargesOnce(t *testing.T) {
	flaky := env(t, "REELFORGE_FLAKY_URL")
	c := reelforge.New(env(t, "REELFORGE_API_KEY"), reelforge.WithBaseURL(flaky),
		reelforge.WithMaxRetries(3), reelforge.WithRetryDelay(500*time.Millisecond))
	unique := prompt("S04", "idempotent "+randomHex(8))
	dropped := flakyDropped(t, flaky)
	job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: unique, Resolution: "720p"})
	if after := flakyDropped(t, flaky); after <= dropped || !job.Replayed {
		t.Fatalf("the proxy dropped %d answers before and %d after; replayed %v", dropped, after, job.Replayed)
	}
	debits := 0
	it := c.Account.Ledger(100)
	for it.Next() {
		if e := it.Current(); e.GenerationID == job.GenerationID && e.Kind == "debit" {
			debits++
			if e.Amount != -90 {
				t.Fatalf("debit %+v", e)
			}
		}
	}
	if it.Err() != nil || debits != 1 {
		t.Fatalf("%d debits for %s (%v)", debits, job.GenerationID, it.Err())
	}
	found := 0
	list := c.Video.List(reelforge.ListParams{Limit: 100})
	for list.Next() {
		if list.Current().Request["prompt"] == unique {
			found++
		}
	}
	if list.Err() != nil || found != 1 {
		t.Fatalf("%d generations with the prompt (%v)", found, list.Err())
	}
	_, _ = c.Video.Cancel(job.GenerationID)
}

// flakyDropped reads the drop-once proxy's count of dropped answers (GET /__flaky/stats).
func flakyDropped(t *testing.T, flaky string) int {
	t.Helper()
	resp, err := http.Get(strings.TrimRight(flaky, "/") + "/__flaky/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s struct {
		Dropped int `json:"dropped"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s.Dropped
}

func TestS05AuthenticationError(t *testing.T) {
	key := "rf_live_" + randomHex(25)
	c := reelforge.New(key, reelforge.WithBaseURL(env(t, "REELFORGE_BASE_URL")))
	_, err := c.Account.Get()
	var target *reelforge.AuthenticationError
	ae := apiErr(t, err, &target, 401, "invalid_api_key")
	if strings.Contains(err.Error(), key) || strings.Contains(ae.Message, key) {
		t.Fatalf("the key is in the error: %v", err)
	}
}

func TestS06InsufficientCredits(t *testing.T) {
	c := client(t, "REELFORGE_BROKE_KEY")
	_, err := c.Video.Generate(reelforge.VideoRequest{Prompt: prompt("S06", "no credits"), Resolution: "720p"})
	var target *reelforge.InsufficientCreditsError
	apiErr(t, err, &target, 402, "insufficient_credits")
}

func TestS07PermissionDenied(t *testing.T) {
	c := client(t, "REELFORGE_RESTRICTED_KEY")
	_, err := c.Video.Generate(reelforge.VideoRequest{Prompt: prompt("S07", "too big"), Resolution: "1080p"})
	var target *reelforge.PermissionDeniedError
	if ae := apiErr(t, err, &target, 403, "resolution_not_allowed"); ae.Param != "resolution" {
		t.Fatalf("param %q", ae.Param)
	}
}

func TestS08NotFound(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	h := randomHex(16)
	id := h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
	_, err := c.Video.Get(id)
	var target *reelforge.NotFoundError
	apiErr(t, err, &target, 404, "generation.not_found")
}

func TestS09Validation(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	_, err := c.Video.Generate(reelforge.VideoRequest{Prompt: prompt("S09", "bad resolution"), Resolution: "4k"})
	var target *reelforge.ValidationError
	if ae := apiErr(t, err, &target, 422, "unsupported_resolution"); ae.Param != "resolution" {
		t.Fatalf("param %q", ae.Param)
	}
}

func TestS10RateLimitWithoutRetries(t *testing.T) {
	c := client(t, "REELFORGE_QUOTA1_KEY", reelforge.WithMaxRetries(0))
	a := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S10", "job A"), Resolution: "720p"})
	_, err := c.Video.Generate(reelforge.VideoRequest{Prompt: prompt("S10", "job B"), Resolution: "720p"})
	var target *reelforge.RateLimitError
	ae := apiErr(t, err, &target, 429, "concurrency_limit_exceeded")
	if ae.RetryAfter < time.Second || ae.RetryAfter%time.Second != 0 {
		t.Fatalf("retry after %s", ae.RetryAfter)
	}
	_, _ = c.Video.Cancel(a.GenerationID)
}

func TestS11ConnectionError(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c := reelforge.New("rf_live_unused", reelforge.WithBaseURL("http://"+addr), reelforge.WithMaxRetries(1),
		reelforge.WithRetryDelay(100*time.Millisecond))
	start := time.Now()
	_, err = c.Account.Get()
	var ce *reelforge.ConnectionError
	var te *reelforge.TimeoutError
	if !errors.As(err, &ce) || errors.As(err, &te) {
		t.Fatalf("got %T %v; want *reelforge.ConnectionError", err, err)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatalf("took %s", time.Since(start))
	}
}

func TestS12WaitTimeout(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S12", "slow clouds"), Resolution: "720p"})
	start := time.Now()
	_, err := c.Video.Wait(job.GenerationID, reelforge.WaitTimeout(500*time.Millisecond))
	var te *reelforge.TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("got %T %v; want *reelforge.TimeoutError", err, err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %s", time.Since(start))
	}
	_, _ = c.Video.Cancel(job.GenerationID)
}

func TestS13CancelRefunds(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	balance := func() int64 {
		a, err := c.Account.Get()
		if err != nil {
			t.Fatal(err)
		}
		return a.Balance
	}
	b0 := balance()
	job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S13", "to be canceled"), Resolution: "720p"})
	if b := balance(); b != b0-90 {
		t.Fatalf("balance %d after submit; want %d", b, b0-90)
	}
	g, err := c.Video.Cancel(job.GenerationID)
	if err != nil || g.Status != "canceled" {
		t.Fatalf("cancel: %+v %v", g, err)
	}
	if b := balance(); b != b0 {
		t.Fatalf("balance %d after cancel; want %d", b, b0)
	}
	kinds := map[string]int64{}
	it := c.Account.Ledger(100)
	for it.Next() {
		if e := it.Current(); e.GenerationID == job.GenerationID {
			if _, dup := kinds[e.Kind]; dup {
				t.Fatalf("two %s entries", e.Kind)
			}
			kinds[e.Kind] = e.Amount
		}
	}
	if it.Err() != nil || len(kinds) != 2 || kinds["debit"] != -90 || kinds["refund"] != 90 {
		t.Fatalf("ledger for the job: %v %v", kinds, it.Err())
	}
	_, err = wait60(c, job.GenerationID)
	var gf *reelforge.GenerationFailedError
	if !errors.As(err, &gf) || gf.Status != "canceled" || gf.GenerationID != job.GenerationID ||
		gf.ErrorCode != gf.Generation.ErrorCode || gf.ErrorMessage != gf.Generation.ErrorMessage {
		t.Fatalf("wait: %T %v", err, err)
	}
	_, err = c.Video.Cancel(job.GenerationID)
	var conflict *reelforge.ConflictError
	apiErr(t, err, &conflict, 409, "generation.not_cancelable")
}

func TestS14Webhooks(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	type delivery struct {
		body   []byte
		header http.Header
	}
	var mu sync.Mutex
	var got []delivery
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, delivery{b, r.Header.Clone()})
		mu.Unlock()
		w.WriteHeader(200)
	}))
	defer srv.Close()
	ep, err := c.Webhooks.Create(reelforge.WebhookEndpointParams{URL: srv.URL + "/hook", Events: []string{"video.completed"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Webhooks.Delete(ep.ID) })
	if !strings.HasPrefix(ep.ID, "we_") || !strings.HasPrefix(ep.Secret, "whsec_") {
		t.Fatalf("endpoint %+v", ep)
	}
	list, err := c.Webhooks.List()
	listed := false
	for _, e := range list {
		listed = listed || e.ID == ep.ID
	}
	if err != nil || !listed {
		t.Fatalf("list %v %v", list, err)
	}
	if one, err := c.Webhooks.Get(ep.ID); err != nil || one.ID != ep.ID || one.Secret != "" {
		t.Fatalf("get %+v %v", one, err)
	}
	job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S14", "lighthouse at night"), Resolution: "720p"})
	if _, err := wait60(c, job.GenerationID); err != nil {
		t.Fatal(err)
	}
	var d *delivery
	for deadline := time.Now().Add(30 * time.Second); d == nil && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		mu.Lock()
		for i := range got {
			if bytes.Contains(got[i].body, []byte(job.GenerationID)) {
				d = &got[i]
			}
		}
		mu.Unlock()
	}
	if d == nil {
		t.Fatal("no delivery for the job within 30 s")
	}
	ev, err := c.Webhooks.Verify(d.body, d.header, ep.Secret)
	if err != nil || ev.Type != "video.completed" || ev.Data.GenerationID != job.GenerationID {
		t.Fatalf("verify: %+v %v", ev, err)
	}
	tampered := append([]byte(nil), d.body...)
	i := bytes.Index(tampered, []byte(job.GenerationID))
	tampered[i] ^= 1
	badSig := d.header.Clone()
	badSig.Set("webhook-signature", "v1,"+strings.Repeat("A", 43)+"=")
	for name, try := range map[string]func() error{
		"changed body":      func() error { _, e := reelforge.VerifyWebhook(tampered, d.header, ep.Secret); return e },
		"changed signature": func() error { _, e := reelforge.VerifyWebhook(d.body, badSig, ep.Secret); return e },
		"another secret": func() error {
			_, e := c.Webhooks.Verify(d.body, d.header, "whsec_"+"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
			return e
		},
	} {
		var ve *reelforge.WebhookVerificationError
		if err := try(); !errors.As(err, &ve) {
			t.Fatalf("%s: got %v; want *reelforge.WebhookVerificationError", name, err)
		}
	}
	if err := c.Webhooks.Delete(ep.ID); err != nil {
		t.Fatal(err)
	}
	_, err = c.Webhooks.Get(ep.ID)
	var nf *reelforge.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("get after delete: %v", err)
	}
}

func TestS15ListAutoPagination(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	ids := map[string]bool{}
	for i := 0; i < 3; i++ {
		job := mustGenerate(t, c, reelforge.VideoRequest{Prompt: prompt("S15", "page item"), Resolution: "720p"})
		if _, err := c.Video.Cancel(job.GenerationID); err != nil {
			t.Fatal(err)
		}
		ids[job.GenerationID] = true
	}
	it := c.Video.List(reelforge.ListParams{Status: "canceled", Limit: 2})
	seen := map[string]bool{}
	var last time.Time
	n := 0
	for it.Next() {
		g := it.Current()
		n++
		if seen[g.GenerationID] || g.Status != "canceled" {
			t.Fatalf("item %d: %s %s (seen before: %v)", n, g.GenerationID, g.Status, seen[g.GenerationID])
		}
		seen[g.GenerationID] = true
		created := parseTime(t, g.CreatedAt)
		if n > 1 && created.After(last) {
			t.Fatalf("not newest first: %s after %s", created, last)
		}
		last = created
	}
	if it.Err() != nil || n <= 2 || it.Pages() < 2 {
		t.Fatalf("%d items on %d pages: %v", n, it.Pages(), it.Err())
	}
	for id := range ids {
		if !seen[id] {
			t.Fatalf("%s not listed", id)
		}
	}
}

func TestS16AccountAndLedger(t *testing.T) {
	c := client(t, "REELFORGE_API_KEY")
	a, err := c.Account.Get()
	if err != nil || a.Plan.ID != "starter" || a.Limits.MaxConcurrentJobs != 5 {
		t.Fatalf("account %+v %v", a, err)
	}
	var sum int64
	it := c.Account.Ledger(0)
	n := 0
	for it.Next() {
		e := it.Current()
		switch e.Kind {
		case "grant", "debit", "refund", "adjustment":
		default:
			t.Fatalf("entry %+v", e)
		}
		sum += e.Amount
		n++
	}
	if it.Err() != nil {
		t.Fatal(it.Err())
	}
	after, err := c.Account.Get()
	if err != nil || after.InFlight != 0 || sum != after.Balance {
		t.Fatalf("%d entries sum to %d; balance %+v %v", n, sum, after, err)
	}
}
