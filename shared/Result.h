#pragma once
//! A value or a protocol error: what every store job and service step hands back.

#include "shared/ErrorCode.h"

#include <optional>
#include <utility>

namespace kith {

template <class T>
class Result
{
public:
    Result() : m_error(Error::internal(QStringLiteral("no result"))) {}
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

//! For jobs with nothing to return.
struct Done {};

} // namespace kith
