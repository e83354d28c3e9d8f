// The refund file's transfers for the operator (Returns::transfers_to_make, mark_transferred):
//   the panel on /operator/returns (transfers_json): each line still to transfer, their count and sum;
//   POST /operator/returns/transferred (form: ids), POST /api/v1/operator/returns/transferred {ids}: the
//   bank made these lines' transfers; GET /api/v1/operator/returns/transfers: the lines as JSON.
#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "orders/returns.hpp"
#include "orders/routes.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

json::object transfers_json(Returns& returns, const std::string& locale, const catalog::Messages& t) {
  json::array lines;
  long long total = 0;
  for (const auto& x : returns.transfers_to_make()) {
    total += x.amount;
    json::object line{{"id", x.x.id},
                      {"order", x.x.order_number},
                      {"account", x.x.refund_account},
                      {"amount", x.amount},
                      {"amount_text", catalog::format_won(x.amount, locale)},
                      {"kind", x.x.refund_method == "transfer" ? "refund" : "interest"},
                      {"kind_text", t(x.x.refund_method == "transfer" ? "returns.transfer_refund"
                                                                      : "returns.transfer_interest")},
                      {"memo", x.memo}};
    if (x.interest) line["interest"] = x.interest;
    lines.push_back(std::move(line));
  }
  json::object out{{"transfers_count", lines.size()},
                   {"has_transfers", !lines.empty()},
                   {"transfers_total", total},
                   {"transfers_total_text", catalog::format_won(total, locale)},
                   {"transfers_summary", catalog::fill(t("returns.transfers_summary"),
                                                       {{"count", std::to_string(lines.size())},
                                                        {"total", catalog::format_won(total, locale)}})}};
  out["transfers"] = std::move(lines);
  return out;
}

namespace {

class RefundTransferRoutes {
 public:
  explicit RefundTransferRoutes(Deps deps) : d_(std::move(deps)) {}

  Result<Response> mark_form(Request& req) {
    std::vector<long long> ids;
    for (const auto& v : req.form().all("ids")) ids.push_back(web::parse_id(v));
    const int marked = TRY(d_.returns->mark_transferred(ids, req.user->user_id));
    return Response::redirect(req.locale_prefix() +
                              "/operator/returns?transferred=" + std::to_string(marked));
  }
  Result<Response> api_mark(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto* ids = body.if_contains("ids");
    if (!ids || !ids->is_array())
      return Error::invalid("ids", "ids_required", "ids: the returns whose transfers were made");
    std::vector<long long> wanted;
    for (const auto& id : ids->as_array()) {
      if (!id.is_int64()) return Error::invalid("ids", "number_invalid", "ids are returns' ids");
      wanted.push_back(id.as_int64());
    }
    const int marked = TRY(d_.returns->mark_transferred(wanted, req.user->user_id));
    return Response::json(json::serialize(json::object{{"transferred", marked}}));
  }
  Response api_list(Request& req) {
    const auto locale = req.locale;
    return Response::json(json::serialize(transfers_json(
        *d_.returns, locale, [&](const std::string& key) { return d_.renderer.message(locale, key); })));
  }

 private:
  Deps d_;
};

}  // namespace

void add_refund_transfer_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<RefundTransferRoutes>(deps), deps.renderer);
  const auto op = web::require(web::Role::operator_);
  router.post("/operator/returns/transferred", bind(&RefundTransferRoutes::mark_form)).access = op;
  router.post("/api/v1/operator/returns/transferred", bind(&RefundTransferRoutes::api_mark)).access = op;
  router.get("/api/v1/operator/returns/transfers", bind(&RefundTransferRoutes::api_list)).access = op;
}

}  // namespace brilliant::orders
