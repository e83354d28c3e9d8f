// The JSON a show's viewers receive over the WebSocket (one object per message, "type" first) and the
// show's JSON in the API. Text is sent as data: the page inserts it as text, never as HTML.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "catalog/listing.hpp"
#include "live/deal.hpp"
#include "live/repo.hpp"
#include "live/show.hpp"

namespace brilliant::live {

boost::json::object deal_json(const Deal& deal, TimePoint now);
boost::json::object chat_json(const repo::ChatLine& line);
boost::json::object piece_json(const catalog::Card& card);

std::string chat_event(const repo::ChatLine& line);
std::string deleted_event(long long message_id);
std::string showing_event(const catalog::Card& card);
std::string deal_event(const Deal& deal, TimePoint now);
std::string state_event(State state);
std::string notice_event(const std::string& text);
std::string tick_event(int viewers, int hearts);
// The show's orders from its deals and their revenue so far (won), after each sale.
std::string sales_event(long long orders, long long revenue);
std::string error_event(const std::string& code, const std::string& message);
// Between nodes only: one node's viewers and hearts of one show.
std::string presence_event(const std::string& node, int viewers, int hearts);
// Between nodes only: a person muted (until a UTC time; empty: unmuted) or banned in a show.
std::string moderation_event(long long user_id, const std::string& muted_until, bool banned);
// True for the events nodes send each other (never forwarded to viewers).
bool internal_event(std::string_view text);

}  // namespace brilliant::live
