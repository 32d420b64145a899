#pragma once
//! Everything a bench run can be told on the command line (see kith-bench --help).

#include <QList>
#include <QString>

namespace kith::bench {

struct BenchOptions {
    QString serverPath;            //!< kith-server binary
    QString relayPath;             //!< kith-relay binary
    QString serverLogLevel;        //!< passed as --log-level when set
    int threads = 2;               //!< client threads in the generator
    double duration = 10;          //!< seconds of measured sending per case
    double warmup = 1;             //!< seconds of unmeasured sending before each case
    int contentChars = 64;
    int users = 10;                //!< accounts the sessions sign in as (sessions share them)
    bool keepData = false;
    QString db;                    //!< kith-server --db; empty: SQLite in its data folder
    bool syncFull = true;          //!< [storage] synchronous=full (the server's default) or normal         //!< keep the server's data folders

    // fanout
    int clients = 50;
    int senders = 5;
    double rate = 200;             //!< per sender, msg/s; 0 = saturation
    int window = 16;               //!< saturation: sends in flight per sender
    bool relay = true;             //!< also run against kith-relay
    bool server = true;            //!< run against kith-server (off: relay only, for bench work)
    bool crossNode = false;        //!< also two kith-server nodes on db: senders on A, the rest on B

    // connections
    QList<int> sessions{1000};
    int connectConcurrency = 32; //!< under the listen backlog (50): more drops SYNs, 1 s retries

    // persist
    int persistSenders = 32;
    int persistWindow = 16;
    int rawRows = 200000;
    int rawBatch = 0;              //!< also time raw inserts in transactions of this many rows

    // history
    QList<qint64> historyK{1000, 100000};
    int historyRepeats = 500;
    int historyLoad = 0;           //!< senders persisting (window persistWindow) while pages are fetched

    // transfer
    int transferMiB = 25;          //!< the file's size (the server's default upload limit)
    int transferRuns = 5;          //!< uploads, downloads and baseline downloads each
};

} // namespace kith::bench
