# frozen_string_literal: true

module Reelforge
  # An object of the API, read as methods (account.balance, account.plan.id) or as a hash (account["plan"]["id"],
  # account[:balance]). Nested objects are APIObjects too; lists are arrays.
  class APIObject
    def initialize(values)
      @values = values || {}
    end

    def [](key)
      wrap(@values[key.to_s])
    end

    def key?(key)
      @values.key?(key.to_s)
    end

    # The object as the API sent it (plain hashes).
    def to_h
      @values
    end

    def to_json(*args)
      @values.to_json(*args)
    end

    def ==(other)
      other.is_a?(APIObject) && other.to_h == @values
    end

    def inspect
      "#<#{self.class.name} #{@values.inspect}>"
    end

    def method_missing(name, *args)
      key = name.to_s
      return super unless args.empty? && @values.key?(key)

      wrap(@values[key])
    end

    def respond_to_missing?(name, include_private = false)
      @values.key?(name.to_s) || super
    end

    private

    def wrap(value)
      case value
      when Hash then APIObject.new(value)
      when Array then value.map { |item| wrap(item) }
      else value
      end
    end
  end
end
