// Rendering a page for a PageCache (issue 16): web::Pipeline's cached pages and the cart page both render
// as nobody's and keep the result. One place does it, so the two can never differ in what a kept page may
// hold of the person who happened to ask first.
#pragma once
#include <functional>
#include <string>

#include "web/page_cache.hpp"
#include "web/render.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace brilliant::web {

// Runs `render` with the request's person taken off and the renderer's marks in place of its CSRF token
// (and so of the header's account area), keeps the page in `cache` under `key`, and returns it with this
// visitor's own token and account area (`area`: Renderer::account_area of the request). The request is
// as it was afterwards, also when `render` throws.
Response render_for_cache(PageCache& cache, const Renderer& renderer, Request& request,
                          const std::string& key, const std::string& area,
                          const std::function<Response(Request&)>& render);

}  // namespace brilliant::web
