# frozen_string_literal: true

require_relative "lib/reelforge/version"

Gem::Specification.new do |spec|
  spec.name = "reelforge"
  spec.version = Reelforge::VERSION
  spec.summary = "Ruby client for the Reelforge text-to-video appliance API"
  spec.description = "Submit text- and image-to-video jobs to a Reelforge appliance, wait for them, download the MP4; " \
                     "retries with idempotency keys, typed errors, auto-paginated lists and Standard Webhooks verification. " \
                     "Standard library only (net/http, json, openssl)."
  spec.authors = ["Reelforge"]
  spec.license = "Apache-2.0"
  spec.required_ruby_version = ">= 3.1"
  spec.files = Dir["lib/**/*.rb"] + ["README.md"]
  spec.require_paths = ["lib"]
  spec.metadata["rubygems_mfa_required"] = "true"
end
