#include "OpenSslThread.h"

#include <openssl/crypto.h>

namespace kith::server {

void releaseOpenSslThread()
{
    OPENSSL_thread_stop();
}

} // namespace kith::server
