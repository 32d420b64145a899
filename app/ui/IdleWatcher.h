#pragma once
//! Reports the user idle after a while without keyboard or mouse input anywhere in the app,
//! and active again on the next input (presence.set idle / my chosen status).

#include <QObject>
#include <QTimer>

namespace kith::app {

class ClientState;

class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIdleMs = 10 * 60 * 1000;

    explicit IdleWatcher(ClientState *state, QObject *parent = nullptr);
    ~IdleWatcher() override;
    void setTimeout(int ms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ClientState *m_state;
    QTimer m_timer;
};

} // namespace kith::app
