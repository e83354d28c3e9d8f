// WebSocket connections without Beast (DESIGN.md §4): a GET route answers Response::upgrade(session)
// and the net layer does the handshake, then calls the session. The net layer owns the connection:
// one write in flight, a bounded queue behind it, and a reader too slow to keep up is dropped rather
// than allowed to grow memory.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace brilliant::web {

// The sending half of one connection. Thread safe; never blocks.
class SocketPeer {
 public:
  virtual ~SocketPeer() = default;
  // Queues one text message (shared: a broadcast hands every peer the same bytes). False when the
  // connection is closed; a full queue closes it (the reader is too slow).
  virtual bool send(std::shared_ptr<const std::string> text) = 0;
  // Sends a close frame after what is queued, then ends the connection.
  virtual void close() = 0;
  virtual bool open() const = 0;
};

// What a route does with an accepted connection. The net layer calls these one at a time per
// connection, on the blocking pool (they may use the database): opened first, received for each text
// message in order, closed once at the end (whoever ended it).
class SocketSession {
 public:
  virtual ~SocketSession() = default;
  virtual void opened(std::shared_ptr<SocketPeer> peer) = 0;
  virtual void received(std::string_view text) = 0;
  virtual void closed() = 0;
};

// Limits the net layer applies to every connection.
struct SocketLimits {
  size_t max_message = 4096;  // bytes of one incoming message; larger closes the connection
  size_t max_queue = 256;     // outgoing messages waiting; more drops the connection
};

}  // namespace brilliant::web
