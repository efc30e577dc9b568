# frozen_string_literal: true

module Reelforge
  module Resources
    # /v1/account: plan, balance, limits, and the ledger.
    class Account
      def initialize(transport)
        @transport = transport
      end

      # The account: plan, balance, in_flight, limits, key.
      def get
        APIObject.new(@transport.request_json(:get, "/v1/account"))
      end

      # Every ledger entry (kind grant, debit, refund or adjustment; signed amount), newest first, page after page.
      def ledger(**query)
        Paginator.new(@transport, "/v1/account/ledger", query) { |item| APIObject.new(item) }
      end
    end
  end
end
