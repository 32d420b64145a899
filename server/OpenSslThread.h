#pragma once
//! OpenSSL keeps state per thread (error queue, random generators) and frees it in a thread-key
//! destructor when the thread exits. QThread::wait() returns before those destructors run, and
//! OpenSSL's clean-up at process exit frees every thread's state still registered, without a
//! lock: a thread waited for just before exit can free the same memory (a double free, or a
//! crash at exit after all the work is done). A thread other than the main one that may have
//! used OpenSSL (TLS sockets; libpq over SSL) calls this as the last thing it does.

namespace kith::server {

//! Frees the calling thread's OpenSSL state now (OPENSSL_thread_stop). Harmless on a thread
//! that never used OpenSSL, or in a process where OpenSSL was never initialised.
void releaseOpenSslThread();

} // namespace kith::server
