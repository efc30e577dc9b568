package reelforge

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// APIError is an error answer of the appliance: {"error": {"type", "code", "message", "param"}}.
// Every typed API error below wraps one, so errors.As(err, &apiErr) works for all of them.
type APIError struct {
	StatusCode int
	Type       string
	Code       string
	Message    string
	Param      string
	RequestID  string
	// RetryAfter is the answer's Retry-After (429, 503), zero when it had none.
	RetryAfter    time.Duration
	hasRetryAfter bool
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("reelforge: %d %s: %s", e.StatusCode, e.Code, e.Message)
	if e.Param != "" {
		s += " (param " + e.Param + ")"
	}
	return s
}

// AuthenticationError is a 401: no key, a bad key or a revoked one.
type AuthenticationError struct{ *APIError }

// InsufficientCreditsError is a 402: the balance is below the clip's price.
type InsufficientCreditsError struct{ *APIError }

// PermissionDeniedError is a 403, e.g. resolution_not_allowed (Param "resolution").
type PermissionDeniedError struct{ *APIError }

// NotFoundError is a 404.
type NotFoundError struct{ *APIError }

// ConflictError is a 409, e.g. canceling a finished job (generation.not_cancelable).
type ConflictError struct{ *APIError }

// ValidationError is a 400 or 422; Param names the offending field.
type ValidationError struct{ *APIError }

// RateLimitError is a 429 left after the retries; RetryAfter says when to try again.
type RateLimitError struct{ *APIError }

// ServerError is a 5xx.
type ServerError struct{ *APIError }

func (e *AuthenticationError) Unwrap() error      { return e.APIError }
func (e *InsufficientCreditsError) Unwrap() error { return e.APIError }
func (e *PermissionDeniedError) Unwrap() error    { return e.APIError }
func (e *NotFoundError) Unwrap() error            { return e.APIError }
func (e *ConflictError) Unwrap() error            { return e.APIError }
func (e *ValidationError) Unwrap() error          { return e.APIError }
func (e *RateLimitError) Unwrap() error           { return e.APIError }
func (e *ServerError) Unwrap() error              { return e.APIError }

// ConnectionError: the appliance could not be reached or dropped the connection (after the retries).
type ConnectionError struct {
	Message string
	Err     error
}

func (e *ConnectionError) Error() string { return "reelforge: " + e.Message }
func (e *ConnectionError) Unwrap() error { return e.Err }

// TimeoutError: an HTTP attempt ran out of time, or Wait's timeout passed before the job ended.
type TimeoutError struct {
	Message string
	Err     error
}

func (e *TimeoutError) Error() string { return "reelforge: " + e.Message }
func (e *TimeoutError) Unwrap() error { return e.Err }

// GenerationFailedError is what Wait (and Save on an unfinished job) returns when the job ended failed,
// canceled or expired.
type GenerationFailedError struct {
	GenerationID string
	Status       string
	ErrorCode    string
	ErrorMessage string
	Generation   *Generation
}

func (e *GenerationFailedError) Error() string {
	s := fmt.Sprintf("reelforge: generation %s ended %s", e.GenerationID, e.Status)
	if e.ErrorCode != "" {
		s += ": " + e.ErrorCode
	}
	if e.ErrorMessage != "" {
		s += ": " + e.ErrorMessage
	}
	return s
}

func errorFromResponse(resp *http.Response, body []byte) error {
	var wire struct {
		Error struct {
			Type    string `json:"type"`
			Code    string `json:"code"`
			Message string `json:"message"`
			Param   string `json:"param"`
		} `json:"error"`
	}
	_ = json.Unmarshal(body, &wire)
	base := &APIError{StatusCode: resp.StatusCode, Type: wire.Error.Type, Code: wire.Error.Code,
		Message: wire.Error.Message, Param: wire.Error.Param, RequestID: resp.Header.Get("X-Request-Id")}
	if base.Message == "" {
		base.Message = http.StatusText(resp.StatusCode)
	}
	base.RetryAfter, base.hasRetryAfter = retryAfter(resp.Header)
	switch s := resp.StatusCode; {
	case s == 400 || s == 422:
		return &ValidationError{base}
	case s == 401:
		return &AuthenticationError{base}
	case s == 402:
		return &InsufficientCreditsError{base}
	case s == 403:
		return &PermissionDeniedError{base}
	case s == 404:
		return &NotFoundError{base}
	case s == 409:
		return &ConflictError{base}
	case s == 429:
		return &RateLimitError{base}
	case s >= 500:
		return &ServerError{base}
	default:
		return base
	}
}
