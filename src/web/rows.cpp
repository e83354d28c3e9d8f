#include "web/rows.hpp"

#include <boost/json.hpp>

namespace brilliant::web {

bool keep_in_row(boost::json::array& rows, std::string_view key, const boost::json::value& value,
                 const boost::json::object& fields) {
  for (auto& row : rows) {
    auto* object = row.if_object();
    if (!object) continue;
    const auto* own = object->if_contains(key);
    if (!own || *own != value) continue;
    for (const auto& [name, field] : fields) (*object)[name] = field;
    return true;
  }
  return false;
}

}  // namespace brilliant::web
