package reelforge

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// VideoRequest is POST /v1/video/generate. Zero values are left out, so the appliance's defaults apply.
type VideoRequest struct {
	Prompt         string
	Resolution     string // "720p" or "1080p"
	Duration       int    // seconds; 5
	AspectRatio    string // "16:9", "9:16" or "1:1"
	CameraFixed    bool
	Seed           *int64 // reelforge.Int64(42); nil: random
	NegativePrompt string
	WebhookURL     string
	// Image makes it image-to-video, sent as multipart: FileFromPath, FileFromBytes or FileFromReader.
	Image *File
}

// Int64 returns a pointer to v, for VideoRequest.Seed.
func Int64(v int64) *int64 { return &v }

// File is an image to upload. A reader is read once, so a retry sends the same bytes.
type File struct {
	Name        string
	ContentType string // optional; guessed from the first bytes when empty
	path        string
	data        []byte
	reader      io.Reader
}

// FileFromPath uploads the file at path.
func FileFromPath(path string) *File { return &File{Name: filepath.Base(path), path: path} }

// FileFromBytes uploads data under the file name name.
func FileFromBytes(name string, data []byte) *File { return &File{Name: name, data: data} }

// FileFromReader uploads what r yields under the file name name.
func FileFromReader(name string, r io.Reader) *File { return &File{Name: name, reader: r} }

func (f *File) bytes() ([]byte, error) {
	switch {
	case f.data != nil:
		return f.data, nil
	case f.path != "":
		return os.ReadFile(f.path)
	case f.reader != nil:
		return io.ReadAll(f.reader)
	}
	return nil, fmt.Errorf("reelforge: empty File")
}

func (r VideoRequest) fields() [][2]string {
	var f [][2]string
	add := func(k, v string) {
		if v != "" {
			f = append(f, [2]string{k, v})
		}
	}
	add("prompt", r.Prompt)
	add("resolution", r.Resolution)
	if r.Duration != 0 {
		add("duration", strconv.Itoa(r.Duration))
	}
	add("aspect_ratio", r.AspectRatio)
	if r.CameraFixed {
		add("camera_fixed", "true")
	}
	if r.Seed != nil {
		add("seed", strconv.FormatInt(*r.Seed, 10))
	}
	add("negative_prompt", r.NegativePrompt)
	add("webhook_url", r.WebhookURL)
	return f
}

func (r VideoRequest) build() (*request, error) {
	if r.Image == nil {
		m := map[string]interface{}{}
		for _, kv := range r.fields() {
			m[kv[0]] = kv[1]
		}
		if r.Duration != 0 {
			m["duration"] = r.Duration
		}
		if r.CameraFixed {
			m["camera_fixed"] = true
		}
		if r.Seed != nil {
			m["seed"] = *r.Seed
		}
		return jsonRequest(http.MethodPost, "/v1/video/generate", m)
	}
	img, err := r.Image.bytes()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, kv := range r.fields() {
		if err := w.WriteField(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	ct := r.Image.ContentType
	if ct == "" {
		ct = http.DetectContentType(img)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="image"; filename=%q`, r.Image.Name))
	h.Set("Content-Type", ct)
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, err
	}
	if _, err := part.Write(img); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return &request{method: http.MethodPost, path: "/v1/video/generate", body: buf.Bytes(),
		contentType: w.FormDataContentType()}, nil
}

// Generation is a job as GET /v1/video/{id} answers it.
type Generation struct {
	GenerationID     string                 `json:"generation_id"`
	Status           string                 `json:"status"`
	QueuePosition    *int                   `json:"queue_position"`
	EstimatedSeconds int64                  `json:"estimated_seconds"`
	Progress         float64                `json:"progress"`
	CreditsUsed      int64                  `json:"credits_used"`
	ProcessingMs     int64                  `json:"processing_ms"`
	OutputURL        string                 `json:"output_url"`
	ThumbnailURL     string                 `json:"thumbnail_url"`
	ExpiresAt        string                 `json:"expires_at"`
	ErrorCode        string                 `json:"error_code"`
	ErrorMessage     string                 `json:"error_message"`
	CreatedAt        string                 `json:"created_at"`
	StartedAt        string                 `json:"started_at"`
	CompletedAt      string                 `json:"completed_at"`
	Engine           string                 `json:"engine"`
	Model            string                 `json:"model"`
	ModelVersion     string                 `json:"model_version"`
	NativeSize       string                 `json:"native_size"`
	Mode             string                 `json:"mode"`
	Attempts         int                    `json:"attempts"`
	Request          map[string]interface{} `json:"request"`

	// Replayed is true when the appliance answered a retried POST from its idempotency store.
	Replayed bool `json:"-"`

	client *Client
}

// Terminal reports whether the job has ended (completed, failed, canceled or expired).
func (g *Generation) Terminal() bool {
	switch g.Status {
	case "completed", "failed", "canceled", "expired":
		return true
	}
	return false
}

// Wait blocks until this job ends; see VideoService.Wait.
func (g *Generation) Wait(opts ...WaitOption) (*Generation, error) {
	return g.client.Video.Wait(g.GenerationID, opts...)
}

func (g *Generation) completed(ctx context.Context) (*Generation, error) {
	if g.client == nil {
		return nil, fmt.Errorf("reelforge: generation %s is not bound to a client (e.g. a webhook's data): use client.Video.Get", g.GenerationID)
	}
	if g.Status == "completed" && g.OutputURL != "" {
		return g, nil
	}
	done, err := g.client.Video.WaitContext(ctx, g.GenerationID)
	if err != nil {
		return nil, err
	}
	*g = *done
	return g, nil
}

// Save writes the clip to path, waiting for the job to complete first when it has not yet.
func (g *Generation) Save(path string) error { return g.SaveContext(context.Background(), path) }

// SaveContext is Save with a context.
func (g *Generation) SaveContext(ctx context.Context, path string) error {
	b, err := g.DownloadContext(ctx)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Download returns the clip's bytes, waiting for the job to complete first when it has not yet.
func (g *Generation) Download() ([]byte, error) { return g.DownloadContext(context.Background()) }

// DownloadContext is Download with a context.
func (g *Generation) DownloadContext(ctx context.Context) ([]byte, error) {
	done, err := g.completed(ctx)
	if err != nil {
		return nil, err
	}
	return g.client.fetchFile(ctx, done.OutputURL)
}

// DownloadThumbnail returns the JPEG poster frame of a completed job.
func (g *Generation) DownloadThumbnail() ([]byte, error) {
	done, err := g.completed(context.Background())
	if err != nil {
		return nil, err
	}
	return g.client.fetchFile(context.Background(), done.ThumbnailURL)
}

// fetchFile GETs a signed file URL. The signature authorises it, so the API key is not sent (the URL may
// name another host than the base URL).
func (c *Client) fetchFile(ctx context.Context, u string) ([]byte, error) {
	_, body, err := c.send(ctx, &request{method: http.MethodGet, path: u, absolute: true, noAuth: true})
	return body, err
}

// VideoService is client.Video.
type VideoService struct{ c *Client }

// Generate submits a job and returns it at once (status queued); Wait, or the job's Save, waits for it.
func (s *VideoService) Generate(req VideoRequest) (*Generation, error) {
	return s.GenerateContext(context.Background(), req)
}

// GenerateContext is Generate with a context.
func (s *VideoService) GenerateContext(ctx context.Context, req VideoRequest) (*Generation, error) {
	r, err := req.build()
	if err != nil {
		return nil, err
	}
	g := &Generation{client: s.c}
	resp, err := s.c.do(ctx, r, g)
	if err != nil {
		return nil, err
	}
	g.Replayed = resp.Header.Get("Idempotent-Replayed") == "true"
	return g, nil
}

// Get reads a job.
func (s *VideoService) Get(id string) (*Generation, error) {
	return s.GetContext(context.Background(), id)
}

// GetContext is Get with a context.
func (s *VideoService) GetContext(ctx context.Context, id string) (*Generation, error) {
	return s.get(ctx, id, 0)
}

func (s *VideoService) get(ctx context.Context, id string, wait time.Duration) (*Generation, error) {
	if err := mustNotEmpty("generation_id", id); err != nil {
		return nil, err
	}
	r := &request{method: http.MethodGet, path: "/v1/video/" + escape(id)}
	if secs := int(wait / time.Second); secs > 0 {
		r.header = http.Header{"Prefer": {"wait=" + strconv.Itoa(secs)}}
		r.extraWait = wait
	}
	g := &Generation{client: s.c}
	if _, err := s.c.do(ctx, r, g); err != nil {
		return nil, err
	}
	return g, nil
}

// Cancel cancels a queued or processing job (refunded); a finished one is a ConflictError.
func (s *VideoService) Cancel(id string) (*Generation, error) {
	if err := mustNotEmpty("generation_id", id); err != nil {
		return nil, err
	}
	g := &Generation{client: s.c}
	if _, err := s.c.do(context.Background(), &request{method: http.MethodPost, path: "/v1/video/" + escape(id) + "/cancel"}, g); err != nil {
		return nil, err
	}
	return g, nil
}

type waitConfig struct {
	timeout      time.Duration
	pollInterval time.Duration
}

// WaitOption tunes Wait.
type WaitOption func(*waitConfig)

// WaitTimeout bounds the whole wait (default 10 minutes); when it passes Wait returns a *TimeoutError.
func WaitTimeout(d time.Duration) WaitOption { return func(w *waitConfig) { w.timeout = d } }

// PollInterval is the least time between two status reads when the appliance answers a long-poll early
// without a change (default 2 s). Each read long-polls with "Prefer: wait", so changes arrive at once.
func PollInterval(d time.Duration) WaitOption { return func(w *waitConfig) { w.pollInterval = d } }

// Wait blocks until the job ends: the completed job, or a *GenerationFailedError when it ended failed,
// canceled or expired, or a *TimeoutError after WaitTimeout.
func (s *VideoService) Wait(id string, opts ...WaitOption) (*Generation, error) {
	return s.WaitContext(context.Background(), id, opts...)
}

// WaitContext is Wait with a context.
func (s *VideoService) WaitContext(ctx context.Context, id string, opts ...WaitOption) (*Generation, error) {
	cfg := waitConfig{timeout: 10 * time.Minute, pollInterval: 2 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	deadline := time.Now().Add(cfg.timeout)
	last := ""
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return nil, &TimeoutError{Message: fmt.Sprintf("generation %s did not end within %s (status %s)", id, cfg.timeout, last)}
		}
		wait := left
		if wait > 30*time.Second {
			wait = 30 * time.Second
		}
		started := time.Now()
		g, err := s.get(ctx, id, wait)
		if err != nil {
			return nil, err
		}
		switch g.Status {
		case "completed":
			return g, nil
		case "failed", "canceled", "expired":
			return nil, &GenerationFailedError{GenerationID: g.GenerationID, Status: g.Status,
				ErrorCode: g.ErrorCode, ErrorMessage: g.ErrorMessage, Generation: g}
		}
		if g.Status == last && time.Since(started) < cfg.pollInterval {
			pause := cfg.pollInterval - time.Since(started)
			if pause > time.Until(deadline) {
				pause = time.Until(deadline)
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(pause):
			}
		}
		last = g.Status
	}
}

// ListParams filters GET /v1/video.
type ListParams struct {
	Status string // queued, processing, completed, failed, canceled, expired; empty: all
	Limit  int    // page size 1..100 (default 20)
}

// List iterates over the account's jobs, newest first, fetching pages as it goes:
//
//	it := client.Video.List(reelforge.ListParams{Status: "completed"})
//	for it.Next() { g := it.Current() … }
//	if err := it.Err(); err != nil { … }
func (s *VideoService) List(p ListParams) *Iter[Generation] {
	q := url.Values{}
	if p.Status != "" {
		q.Set("status", p.Status)
	}
	return newIter[Generation](s.c, "/v1/video", q, p.Limit, func(g *Generation) { g.client = s.c })
}

// Page is one page of a list.
type Page[T any] struct {
	Data       []T    `json:"data"`
	HasMore    bool   `json:"has_more"`
	NextCursor string `json:"next_cursor"`
}

// Iter walks a paged list; it fetches the next page when the current one is used up.
type Iter[T any] struct {
	c      *Client
	path   string
	query  url.Values
	fix    func(*T)
	page   []T
	i      int
	cursor string
	more   bool
	cur    *T
	err    error
	pages  int
}

func newIter[T any](c *Client, path string, q url.Values, limit int, fix func(*T)) *Iter[T] {
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	return &Iter[T]{c: c, path: path, query: q, fix: fix, more: true, i: 0}
}

// Next moves to the next item; false at the end or on an error (see Err).
func (it *Iter[T]) Next() bool {
	for it.i >= len(it.page) {
		if !it.more || it.err != nil {
			return false
		}
		q := url.Values{}
		for k, v := range it.query {
			q[k] = v
		}
		if it.cursor != "" {
			q.Set("cursor", it.cursor)
		}
		var p Page[T]
		if _, err := it.c.do(context.Background(), &request{method: http.MethodGet, path: it.path, query: q}, &p); err != nil {
			it.err = err
			return false
		}
		it.pages++
		it.page, it.i, it.cursor, it.more = p.Data, 0, p.NextCursor, p.HasMore && p.NextCursor != ""
	}
	it.cur = &it.page[it.i]
	if it.fix != nil {
		it.fix(it.cur)
	}
	it.i++
	return true
}

// Current is the item Next moved to.
func (it *Iter[T]) Current() *T { return it.cur }

// Err is the error that stopped the iteration, if any.
func (it *Iter[T]) Err() error { return it.err }

// Pages is how many pages were fetched so far.
func (it *Iter[T]) Pages() int { return it.pages }

// All collects the remaining items (at most max when max > 0).
func (it *Iter[T]) All(max int) ([]T, error) {
	var out []T
	for (max <= 0 || len(out) < max) && it.Next() {
		out = append(out, *it.cur)
	}
	return out, it.err
}
