#include "TlsTrust.h"

namespace kith::app {

bool noAuthorityVouches(const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            return true;
        default:
            break;
        }
    }
#else
    Q_UNUSED(errors);
#endif
    return false;
}

} // namespace kith::app
