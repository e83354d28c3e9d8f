// One viewer's WebSocket in a show (/live/{slug}/ws): on open a "hello" with the show as it is now
// (state, notice, what is showing, deals, the last chat messages, viewers); then the viewer sends
//   {"type":"chat","text":"..."}                       logged-in viewers
//   {"type":"heart"}                                   anyone, at most a few a second
//   {"type":"delete","id":N} {"type":"mute","user_id":N,"seconds":S} {"type":"ban","user_id":N}
//                                                      the host's staff and operators
// and receives the show's events (events.hpp). A refused message is answered {"type":"error"} to
// that viewer alone.
#pragma once
#include <memory>
#include <optional>

#include "live/service.hpp"
#include "web/socket.hpp"

namespace brilliant::live {

std::shared_ptr<web::SocketSession> viewer_session(Live& live, Show show, std::optional<web::Principal> user);

// The "hello" message: the show now, as the viewer (with these rights) first sees it.
std::string hello_event(Live& live, const catalog::Snapshot& snapshot, const Show& show,
                        const std::optional<web::Principal>& user, TimePoint now);

}  // namespace brilliant::live
