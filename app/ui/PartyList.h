#pragma once
//! "Parties on your network": the LAN parties a LanBrowser hears, live, with how many are
//! there and whether a password is needed. Listens only while shown.

#include "session/LanBrowser.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace kith::app {

class PartyList : public QWidget
{
    Q_OBJECT
public:
    PartyList(LanBrowser *browser, QWidget *parent = nullptr);
    ~PartyList() override;

    //! A party this app hosts itself is not listed (its certificate's fingerprint).
    void setOwnFingerprint(const QString &fingerprint);
    int count() const;

signals:
    void partyChosen(const kith::app::LanBrowser::Party &party);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void chooseCurrent();

    LanBrowser *m_browser;
    QListWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_join;
    QList<LanBrowser::Party> m_shown;
    QString m_own;
    bool m_listening = false;
};

} // namespace kith::app
