#include "vendors/staff/staff_routes.hpp"

#include <boost/json.hpp>
#include "core/text.hpp"
#include "web/bind.hpp"

#include "web/errors.hpp"
#include "web/form.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object member_json(const StaffMember& m) {
  return {{"user_id", m.user_id}, {"email", m.email},           {"name", m.name},
          {"role", m.role},       {"owner", m.role == "owner"}, {"since", m.since.substr(0, 10)}};
}

json::object invitation_json(const Invitation& i) {
  return {{"id", i.id},
          {"workshop", i.workshop_slug},
          {"workshop_name", i.workshop_name},
          {"email", i.email},
          {"status", i.status},
          {"created_at", i.created_at},
          {"expires_at", i.expires_at},
          {"expires_on", i.expires_at.substr(0, 10)}};
}

json::object standing_json(const WorkshopStanding& w, bool en) {
  return {{"id", w.id},
          {"slug", w.slug},
          {"name", in_language(en, w.name, w.name_en)},
          {"name_ko", w.name},
          {"name_en", w.name_en},
          {"status", w.status},
          {"suspended", w.status == "suspended"},
          {"products", w.products},
          {"staff", w.staff}};
}

json::array workshop_events_json(const std::vector<VendorEvent>& events, const web::Renderer& r,
                                 const Request& req) {
  return events_json(events,
                     [&](const std::string& kind) { return r.message(req.locale, "staff.event." + kind); });
}

template <class T, class F>
json::array list_json(const std::vector<T>& items, F&& to_json) {
  json::array out;
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

class StaffRoutes {
 public:
  explicit StaffRoutes(Deps& d) : staff(d.staff), r(d.renderer), after_status_change(d.catalog_changed) {}

  // The invitation mail, in the inviter's language, with the link to accept.
  auto compose(const Request& req) {
    return [&r = r, locale = req.locale, prefix = req.locale_prefix(), inviter = req.user->name](
               const Invitation& i, const std::string& token) {
      json::object model{{"workshop", i.workshop_name},
                         {"inviter", inviter},
                         {"expires_on", i.expires_at.substr(0, 10)},
                         {"link", r.base_url() + prefix + "/invitations/" + token}};
      return mail::Mail{i.email,
                        locale == "en" ? "Join " + i.workshop_name + " on Brilliant"
                                       : i.workshop_name + " 공방의 Brilliant 초대",
                        r.fragment(locale == "en" ? "email/invite_en" : "email/invite_ko", model)};
    };
  }

  // --- the workshop's own console ----------------------------------------------------------------
  auto staff_model(const Request& req) {
    const long long workshop = req.user->workshop_id;
    auto standing = staff.workshop(workshop);
    json::object m{{"title", r.message(req.locale, "staff.title")},
                   {"noindex", true},
                   {"workshop", standing ? standing_json(*standing, req.locale == "en") : json::object{}},
                   {"can_manage", may_manage_staff(*req.user, workshop)},
                   {"members", list_json(staff.members(workshop), member_json)},
                   {"invitations", list_json(staff.pending(workshop), invitation_json)}};
    return m;
  }

  auto revoke(Request& req) { return staff.revoke(*req.user, req.user->workshop_id, req.param_id("id")); }

  auto remove(Request& req) { return staff.remove(*req.user, req.user->workshop_id, req.param_id("id")); }

  // --- accepting an invitation ---------------------------------------------------------------------
  auto invitation_page(Request& req, const std::string& token, const Error* error) {
    auto found = staff.invitation(token);
    if (!found) return r.error(req, Error::not_found("invitation"));
    const bool same_email = req.user && req.user->email == found->email;
    json::object m{{"title", r.message(req.locale, "staff.invitation_title")},
                   {"noindex", true},
                   {"invitation", invitation_json(*found)},
                   {"pending", found->status == "pending"},
                   {"status_text", r.message(req.locale, "staff.invitation_state." + found->status)},
                   {"token", token},
                   {"same_email", same_email},
                   {"other_email", req.user && !same_email},
                   {"next", web::url_encode(req.locale_prefix() + "/invitations/" + token)}};
    if (error) return r.page_with_error(req, "vendors/invitation", std::move(m), *error);
    return r.page_response(req, "vendors/invitation", std::move(m));
  }

  auto workshop_model(const Request& req, const WorkshopStanding& w) {
    return json::object{{"title", in_language(req.locale == "en", w.name, w.name_en)},
                        {"noindex", true},
                        {"workshop", standing_json(w, req.locale == "en")},
                        {"members", list_json(staff.members(w.id), member_json)},
                        {"invitations", list_json(staff.pending(w.id), invitation_json)},
                        {"events", workshop_events_json(staff.history(w.id), r, req)}};
  }

  auto change_status(Request& req, const std::string& status, const std::string& reason)
      -> Result<WorkshopStanding> {
    if (status != "suspended" && status != "active")
      return Error::invalid("status", "status_invalid", "status must be suspended or active");
    auto done =
        staff.set_suspended(req.user->user_id, std::string(req.param("slug")), status == "suspended", reason);
    if (done && after_status_change) after_status_change();
    return done;
  }

  Response console_staff_page(Request& req) {
    auto m = staff_model(req);
    m["invited"] = req.query_params().get("invited");
    return r.page_response(req, "vendors/staff", std::move(m));
  }

  Response api_console_staff(Request& req) { return web::page_model_json(staff_model(req)); }

  Response console_staff_invitations_form(Request& req) {
    const auto form = req.form();
    auto invited = staff.invite(*req.user, req.user->workshop_id, form.get("email"), compose(req));
    if (!invited) {
      auto m = staff_model(req);
      m["email"] = form.get("email");
      return r.page_with_error(req, "vendors/staff", std::move(m), invited.error());
    }
    return Response::redirect(req.locale_prefix() +
                              "/console/staff?invited=" + web::url_encode(invited->email));
  }

  Response api_console_staff_invitations_post(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto email = web::json_string(*body, "email");
    if (!email) return r.error(req, email.error());
    auto invited = staff.invite(*req.user, req.user->workshop_id, *email, compose(req));
    if (!invited) return r.error(req, invited.error());
    return Response::json(json::serialize(invitation_json(*invited)), 201);
  }

  Response console_staff_invitations_revoke_form(Request& req) {
    auto done = revoke(req);
    if (!done) return r.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/console/staff");
  }

  Response api_console_staff_invitations_delete(Request& req) {
    auto done = revoke(req);
    if (!done) return r.error(req, done.error());
    return web::page_model_json(staff_model(req));
  }

  Response console_staff_members_remove_form(Request& req) {
    auto done = remove(req);
    if (!done) return r.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/console/staff");
  }

  Response api_console_staff_members_delete(Request& req) {
    auto done = remove(req);
    if (!done) return r.error(req, done.error());
    return web::page_model_json(staff_model(req));
  }

  Response invitations_page(Request& req) {
    return invitation_page(req, std::string(req.param("token")), nullptr);
  }

  Response invitations_form(Request& req) {
    const std::string token(req.param("token"));
    auto accepted = staff.accept(token, req.user->user_id);
    if (!accepted) {
      if (accepted.error().kind == ErrorKind::not_found) return r.error(req, accepted.error());
      return invitation_page(req, token, &accepted.error());
    }
    return Response::redirect(req.locale_prefix() +
                              "/console/products?joined=" + web::url_encode(accepted->workshop_slug));
  }

  Response api_invitations_accept_post(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto token = web::json_string(*body, "token");
    if (!token) return r.error(req, token.error());
    auto accepted = staff.accept(*token, req.user->user_id);
    if (!accepted) return r.error(req, accepted.error());
    return Response::json(json::serialize(invitation_json(*accepted)));
  }

  Response operator_workshops_page(Request& req) {
    return r.page_response(req, "operator/workshops",
                           {{"title", r.message(req.locale, "staff.workshops_title")},
                            {"noindex", true},
                            {"workshops", list_json(staff.workshops(), [&req](const WorkshopStanding& w) {
                               return standing_json(w, req.locale == "en");
                             })}});
  }

  Response api_operator_workshops(Request& req) {
    return Response::json(json::serialize(
        json::object{{"workshops", list_json(staff.workshops(), [&req](const WorkshopStanding& w) {
                        return standing_json(w, req.locale == "en");
                      })}}));
  }

  Response operator_workshop_page(Request& req) {
    auto w = staff.workshop(std::string(req.param("slug")));
    if (!w) return r.error(req, Error::not_found("workshop"));
    return r.page_response(req, "operator/workshop", workshop_model(req, *w));
  }

  Response api_operator_workshop(Request& req) {
    auto w = staff.workshop(std::string(req.param("slug")));
    if (!w) return r.error(req, Error::not_found("workshop"));
    return web::page_model_json(workshop_model(req, *w));
  }

  Response operator_workshops_status_form(Request& req) {
    const auto form = req.form();
    auto done = change_status(req, form.get("status"), form.get("reason"));
    if (!done) {
      auto w = staff.workshop(std::string(req.param("slug")));
      if (!w) return r.error(req, done.error());
      auto m = workshop_model(req, *w);
      m["reason"] = form.get("reason");
      return r.page_with_error(req, "operator/workshop", std::move(m), done.error());
    }
    return Response::redirect(req.locale_prefix() + "/operator/workshops/" + done->slug);
  }

  Response api_operator_workshops_status_put(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto status = web::json_string(*body, "status");
    if (!status) return r.error(req, status.error());
    auto reason = web::json_string(*body, "reason");
    if (!reason) return r.error(req, reason.error());
    auto done = change_status(req, *status, *reason);
    if (!done) return r.error(req, done.error());
    return Response::json(json::serialize(standing_json(*done, req.locale == "en")));
  }

 private:
  Staff& staff;
  const web::Renderer& r;
  std::function<void()> after_status_change;
};

}  // namespace

void add_staff_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<StaffRoutes>(deps), deps.renderer);

  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console/staff", bind(&StaffRoutes::console_staff_page)).access = vendor;
  router.get("/api/v1/console/staff", bind(&StaffRoutes::api_console_staff)).access = vendor;

  router.post("/console/staff/invitations", bind(&StaffRoutes::console_staff_invitations_form)).access =
      vendor;
  router.post("/api/v1/console/staff/invitations", bind(&StaffRoutes::api_console_staff_invitations_post))
      .access = vendor;

  router
      .post("/console/staff/invitations/{id}/revoke",
            bind(&StaffRoutes::console_staff_invitations_revoke_form))
      .access = vendor;
  router
      .add(web::Method::delete_, "/api/v1/console/staff/invitations/{id}",
           bind(&StaffRoutes::api_console_staff_invitations_delete))
      .access = vendor;
  router.post("/console/staff/members/{id}/remove", bind(&StaffRoutes::console_staff_members_remove_form))
      .access = vendor;
  router
      .add(web::Method::delete_, "/api/v1/console/staff/members/{id}",
           bind(&StaffRoutes::api_console_staff_members_delete))
      .access = vendor;

  router.get("/invitations/{token}", bind(&StaffRoutes::invitations_page));
  router.post("/invitations/{token}", bind(&StaffRoutes::invitations_form)).access = web::Access::logged_in();
  router.post("/api/v1/invitations/accept", bind(&StaffRoutes::api_invitations_accept_post)).access =
      web::Access::logged_in();

  // --- the operator ---------------------------------------------------------------------------------
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/workshops", bind(&StaffRoutes::operator_workshops_page)).access = operator_only;
  router.get("/api/v1/operator/workshops", bind(&StaffRoutes::api_operator_workshops)).access = operator_only;

  router.get("/operator/workshops/{slug}", bind(&StaffRoutes::operator_workshop_page)).access = operator_only;
  router.get("/api/v1/operator/workshops/{slug}", bind(&StaffRoutes::api_operator_workshop)).access =
      operator_only;

  router.post("/operator/workshops/{slug}/status", bind(&StaffRoutes::operator_workshops_status_form))
      .access = operator_only;
  router
      .add(web::Method::put, "/api/v1/operator/workshops/{slug}/status",
           bind(&StaffRoutes::api_operator_workshops_status_put))
      .access = operator_only;
}

}  // namespace brilliant::vendors
