#pragma once
//! Stable error codes of the protocol: codes are for code, messages for humans.

#include <QString>

namespace kith {

enum class ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    TooLarge,
    Unavailable,
    Internal,
};

QString errorCodeName(ErrorCode code);
bool errorCodeFromName(const QString &name, ErrorCode *out);

//! An error as the protocol carries it.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    qint64 retryAfterMs = -1; //!< RateLimited always; Unavailable when the server knows when

    static Error badRequest(const QString &m) { return {ErrorCode::BadRequest, m}; }
    static Error unauthorized(const QString &m) { return {ErrorCode::Unauthorized, m}; }
    static Error forbidden(const QString &m) { return {ErrorCode::Forbidden, m}; }
    static Error notFound(const QString &m) { return {ErrorCode::NotFound, m}; }
    static Error conflict(const QString &m) { return {ErrorCode::Conflict, m}; }
    static Error tooLarge(const QString &m) { return {ErrorCode::TooLarge, m}; }
    static Error internal(const QString &m) { return {ErrorCode::Internal, m}; }
    static Error unavailable(const QString &m, qint64 retryAfterMs = -1)
    {
        return {ErrorCode::Unavailable, m, retryAfterMs};
    }
    static Error rateLimited(qint64 retryAfterMs, const QString &m)
    {
        return {ErrorCode::RateLimited, m, retryAfterMs};
    }
};

} // namespace kith
