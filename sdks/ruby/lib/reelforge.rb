# frozen_string_literal: true

require "json"
require "net/http"
require "openssl"
require "securerandom"
require "uri"

require_relative "reelforge/version"
require_relative "reelforge/errors"
require_relative "reelforge/api_object"
require_relative "reelforge/generation"
require_relative "reelforge/paginator"
require_relative "reelforge/image"
require_relative "reelforge/webhook"
require_relative "reelforge/transport"
require_relative "reelforge/resources/video"
require_relative "reelforge/resources/account"
require_relative "reelforge/resources/webhooks"
require_relative "reelforge/client"

# Ruby client for the Reelforge appliance's /v1 API. Start with Reelforge::Client.
module Reelforge
end
