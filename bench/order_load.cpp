// Orders over HTTP (issue 16, bench/orders_http.sh): CLIENTS token-authenticated shoppers, each on its own
// keep-alive connection with its own cart, add a piece (POST /api/v1/cart/lines) and place the cart
// (POST /api/v1/orders with an Idempotency-Key) in a loop for SECONDS, as fast as the server answers.
// Asio coroutines on one thread, so the generator takes as little of the machine as it can.
// Usage: order_load HOST PORT CLIENTS SECONDS VARIANT_IDS(comma-separated) [RUN_TAG] [PREFILLED]
// With PREFILLED (a number of carts per shopper), each shopper first fills that many carts of its own, one
// piece each, outside the timed window; the window then times the order requests alone, one cart each.
// Prints one JSON object: orders placed (201), refusals by status, orders per second and the order
// request's latency (p50, p99, max), the add's p99, and the units each variant sold by the server's
// own answers (the caller compares them with the stock the database holds after).
#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;
using tcp = asio::ip::tcp;

namespace {

struct Options {
  std::string host, port, tag = "ol";
  int clients = 64;
  double seconds = 10;
  std::vector<long long> variants;
  int prefilled = 0;  // carts per shopper filled before the window (0: add and order in the window)
};

struct Tally {
  long long orders = 0, adds = 0;
  std::map<int, long long> refused;  // by status (0: no answer)
  std::vector<double> order_ms, add_ms;
  std::map<long long, long long> sold;  // variant -> units in orders answered 201
  std::set<long long> sold_out;         // variants the server said were gone: shoppers choose others
  int ran_out = 0;                      // prefilled: shoppers that placed all their carts before the end
};

// One shopper's connection: requests one after another on it, reconnecting when the server closes it.
class Shopper {
 public:
  Shopper(asio::io_context& io, const Options& o) : socket_(io), options_(o) {}

  asio::awaitable<http::response<http::string_body>> send(http::verb verb, const std::string& target,
                                                          std::string body, const std::string& key = {}) {
    if (!socket_.is_open()) {
      auto endpoints = co_await tcp::resolver(socket_.get_executor())
                           .async_resolve(options_.host, options_.port, asio::use_awaitable);
      co_await asio::async_connect(socket_, endpoints, asio::use_awaitable);
      socket_.set_option(tcp::no_delay(true));
    }
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, options_.host);
    req.set(http::field::accept, "application/json");
    req.set(http::field::content_type, "application/json");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (!cart.empty()) req.set("X-Cart-Token", cart);
    if (!key.empty()) req.set("Idempotency-Key", key);
    req.body() = std::move(body);
    req.prepare_payload();
    co_await http::async_write(socket_, req, asio::use_awaitable);
    http::response<http::string_body> res;
    co_await http::async_read(socket_, buffer_, res, asio::use_awaitable);
    if (!res.keep_alive()) socket_.close();
    co_return res;
  }

  void reset() {
    beast::error_code ignored;
    socket_.close(ignored);
    buffer_.clear();
  }

  std::string token, cart;
  std::vector<std::pair<std::string, long long>> carts;  // prefilled: (cart token, its piece), used in turn

 private:
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  const Options& options_;
};

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

asio::awaitable<void> sign_up(Shopper& s, const Options& o, int n) {
  boost::json::object body{{"email", o.tag + "-" + std::to_string(n) + "@orders.example"},
                           {"name", "Order bench"},
                           {"password", "order-bench-password"}};
  auto res = co_await s.send(http::verb::post, "/api/v1/auth/signup", boost::json::serialize(body));
  if (res.result_int() != 201 && res.result_int() != 200)
    throw std::runtime_error("signup: " + std::to_string(res.result_int()) + " " + res.body().substr(0, 200));
  s.token = boost::json::parse(res.body()).as_object().at("token").as_string().c_str();
}

long long next_variant(const Options& o, const Tally& tally, int n, long long seq) {
  long long variant = 0;
  for (size_t k = 0; k < o.variants.size() && (!variant || tally.sold_out.count(variant)); ++k)
    variant = o.variants[static_cast<size_t>(n + seq + static_cast<long long>(k)) % o.variants.size()];
  return variant;
}

// Adds one piece to the shopper's cart (a new cart when it has none); true when it was added.
asio::awaitable<bool> add(Shopper& s, long long variant, Tally& tally) {
  const auto t = Clock::now();
  auto added = co_await s.send(http::verb::post, "/api/v1/cart/lines",
                               R"({"quantity":1,"variant_id":)" + std::to_string(variant) + "}");
  tally.add_ms.push_back(ms_since(t));
  if (added.result_int() != 201) {
    ++tally.refused[added.result_int()];
    if (added.result_int() == 409) tally.sold_out.insert(variant);
    co_return false;
  }
  ++tally.adds;
  if (auto h = added.find("X-Cart-Token"); h != added.end()) s.cart = std::string(h->value());
  co_return true;
}

// Places the shopper's cart (holding `variant`) with its own Idempotency-Key.
asio::awaitable<void> order(Shopper& s, const Options& o, int n, long long seq, long long variant,
                            Tally& tally) {
  const std::string address =
      R"({"recipient":"Kim","phone":"01023456789","postcode":"54538","address":"1 Boseok-ro, Iksan"})";
  const auto t = Clock::now();
  auto placed = co_await s.send(http::verb::post, "/api/v1/orders", address,
                                o.tag + "-" + std::to_string(n) + "-" + std::to_string(seq));
  tally.order_ms.push_back(ms_since(t));
  if (placed.result_int() == 201) {
    ++tally.orders;
    ++tally.sold[variant];
  } else {  // sold out meanwhile: the piece stays in that cart; the shopper starts a new one
    ++tally.refused[placed.result_int()];
    if (placed.result_int() == 409) tally.sold_out.insert(variant);
    s.cart.clear();
  }
}

// A request that got no answer (the connection dropped): counted as refused with status 0, and the
// shopper's next request opens a new connection.
void no_answer(Shopper& s, Tally& tally) {
  ++tally.refused[0];
  s.reset();
}

asio::awaitable<void> shop(Shopper& s, const Options& o, int n, Clock::time_point stop, Tally& tally) {
  for (long long seq = 0; Clock::now() < stop; ++seq) {
    const long long variant = next_variant(o, tally, n, seq);
    try {
      if (co_await add(s, variant, tally)) co_await order(s, o, n, seq, variant, tally);
    } catch (const std::exception&) {
      no_answer(s, tally);
    }
  }
}

// Before the window: `o.prefilled` carts of one piece each, kept with the piece each holds.
asio::awaitable<void> prefill(Shopper& s, const Options& o, int n, Tally& tally) {
  for (long long seq = 0; static_cast<int>(s.carts.size()) < o.prefilled && seq < 4LL * o.prefilled; ++seq) {
    const long long variant = next_variant(o, tally, n, seq);
    s.cart.clear();
    try {
      if (co_await add(s, variant, tally)) s.carts.emplace_back(s.cart, variant);
    } catch (const std::exception&) {
      no_answer(s, tally);  // before the window: the tally is reset after filling
    }
  }
}

// In the window: each prefilled cart placed in turn, but not one holding a piece the server has said is
// sold out (a shopper told so does not try again); the shopper stops when its carts run out.
asio::awaitable<void> place_prefilled(Shopper& s, const Options& o, int n, Clock::time_point stop,
                                      Tally& tally) {
  size_t i = 0;
  for (; i < s.carts.size() && Clock::now() < stop; ++i) {
    if (tally.sold_out.count(s.carts[i].second)) continue;
    s.cart = s.carts[i].first;
    try {
      co_await order(s, o, n, static_cast<long long>(i), s.carts[i].second, tally);
    } catch (const std::exception&) {
      no_answer(s, tally);
    }
  }
  if (i == s.carts.size()) ++tally.ran_out;
}

double at(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(static_cast<double>(v.size()) * q))];
}

boost::json::object report(Tally& t, double seconds) {
  boost::json::object refused, sold;
  for (auto [status, n] : t.refused) refused[std::to_string(status)] = n;
  for (auto [variant, n] : t.sold) sold[std::to_string(variant)] = n;
  auto round2 = [](double x) { return static_cast<double>(static_cast<long long>(x * 100 + 0.5)) / 100; };
  return {{"orders", t.orders},
          {"adds", t.adds},
          {"seconds", round2(seconds)},
          {"orders_per_s", round2(static_cast<double>(t.orders) / seconds)},
          {"order_p50_ms", round2(at(t.order_ms, 0.50))},
          {"order_p99_ms", round2(at(t.order_ms, 0.99))},
          {"order_max_ms", round2(at(t.order_ms, 1.0))},
          {"add_p99_ms", round2(at(t.add_ms, 0.99))},
          {"shoppers_out_of_carts", t.ran_out},
          {"refused", refused},
          {"sold", sold}};
}

Options parse(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: order_load HOST PORT CLIENTS SECONDS VARIANT_IDS [RUN_TAG] [PREFILLED]\n");
    std::exit(2);
  }
  Options o{argv[1], argv[2]};
  o.clients = std::atoi(argv[3]);
  o.seconds = std::atof(argv[4]);
  for (std::string list = argv[5]; !list.empty();) {
    const auto comma = list.find(',');
    o.variants.push_back(std::stoll(list.substr(0, comma)));
    list = comma == std::string::npos ? "" : list.substr(comma + 1);
  }
  if (argc > 6) o.tag = argv[6];
  if (argc > 7) o.prefilled = std::atoi(argv[7]);
  if (o.variants.empty() || o.clients < 1) std::exit(2);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  asio::io_context io(1);
  std::vector<std::unique_ptr<Shopper>> shoppers;
  for (int i = 0; i < o.clients; ++i) shoppers.push_back(std::make_unique<Shopper>(io, o));
  std::string failed;
  auto fail = [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      failed = x.what();
    }
  };
  for (int i = 0; i < o.clients; ++i) asio::co_spawn(io, sign_up(*shoppers[i], o, i), fail);
  io.run();
  if (!failed.empty()) {
    std::fprintf(stderr, "%s\n", failed.c_str());
    return 1;
  }
  io.restart();
  Tally tally;
  if (o.prefilled > 0) {  // outside the window; what it added is not reported
    for (int i = 0; i < o.clients; ++i) asio::co_spawn(io, prefill(*shoppers[i], o, i, tally), fail);
    io.run();
    io.restart();
    tally = Tally{.sold_out = tally.sold_out};
  }
  const auto start = Clock::now();
  const auto stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
  for (int i = 0; i < o.clients; ++i)
    asio::co_spawn(io,
                   o.prefilled > 0 ? place_prefilled(*shoppers[i], o, i, stop, tally)
                                   : shop(*shoppers[i], o, i, stop, tally),
                   fail);
  io.run();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%s\n", boost::json::serialize(report(tally, seconds)).c_str());
  return failed.empty() ? 0 : 1;
}
