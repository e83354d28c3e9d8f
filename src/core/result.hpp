// Expected failures as values (DESIGN.md §9, STYLE.md "Errors").
// A Result<T> holds either a T or an Error; Error names its kind, a machine code, a message for people
// and the input field it is about. Propagate with TRY(expr), which returns the Error from the caller.
#pragma once
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace brilliant {

enum class ErrorKind {
  invalid,
  unauthenticated,
  forbidden,
  not_found,
  conflict,
  rule_broken,
  too_many,
  internal
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable, machine-readable, also the i18n key under "errors."
  std::string message;  // English text naming the field; pages look up `code` for their locale first
  std::string field;    // input field the error is about, empty when none

  static Error invalid(std::string field, std::string code, std::string message) {
    return {ErrorKind::invalid, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string what) {
    return {ErrorKind::not_found, "not_found", what + " not found", ""};
  }
  static Error conflict(std::string field, std::string code, std::string message) {
    return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
  }
  static Error rule_broken(std::string field, std::string code, std::string message) {
    return {ErrorKind::rule_broken, std::move(code), std::move(message), std::move(field)};
  }
  static Error unauthenticated(std::string message = "log in first") {
    return {ErrorKind::unauthenticated, "unauthenticated", std::move(message), ""};
  }
  static Error forbidden(std::string message = "you may not do this") {
    return {ErrorKind::forbidden, "forbidden", std::move(message), ""};
  }
  static Error too_many(std::string message) {
    return {ErrorKind::too_many, "too_many", std::move(message), ""};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  void value() const { assert(ok()); }
  const Error& error() const {
    assert(failed_);
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace brilliant

// TRY(expr): evaluates a Result; on failure returns its Error from the enclosing function, otherwise
// yields the value (GNU statement expression, as SerenityOS's TRY).
#define TRY(expr)                                      \
  ({                                                   \
    auto _try_result = (expr);                         \
    if (!_try_result.ok()) return _try_result.error(); \
    std::move(_try_result).value();                    \
  })
