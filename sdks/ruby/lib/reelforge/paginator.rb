# frozen_string_literal: true

module Reelforge
  # Every item of a cursor-paged list ({"data", "has_more", "next_cursor"}): each fetches the next page when the
  # current one is used up, and starts again from the first page every time it is called.
  class Paginator
    include Enumerable

    def initialize(transport, path, query, &wrap)
      @transport = transport
      @path = path
      @query = query.transform_keys(&:to_s).compact
      @wrap = wrap
    end

    def each
      return enum_for(:each) unless block_given?

      query = @query.dup
      loop do
        page = @transport.request_json(:get, @path, query: query) || {}
        (page["data"] || []).each { |item| yield @wrap.call(item) }
        cursor = page["next_cursor"]
        break unless page["has_more"] && cursor

        query = query.merge("cursor" => cursor)
      end
      self
    end
  end
end
