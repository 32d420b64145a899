#pragma once
//! How the app trusts a host's certificate, the same for the WebSocket and for HTTP.

#include <QList>
#include <QSslError>

namespace kith::app {

//! Whether no authority vouches for the certificate these errors are about (self-signed, unknown
//! issuer): then the pinned fingerprint alone decides. A certificate an authority does vouch for
//! must be valid otherwise, and no pin overrides that.
bool noAuthorityVouches(const QList<QSslError> &errors);

} // namespace kith::app
