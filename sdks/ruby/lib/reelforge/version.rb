# frozen_string_literal: true

module Reelforge
  VERSION = "0.1.0"
end
