#pragma once
//! The frame of the server's and a channel's settings: sections listed on the left, the shown
//! section's page on the right, Close under it.

#include <QDialog>
#include <functional>

class QListWidget;
class QStackedWidget;
class QVBoxLayout;

namespace kith::app {

class SettingsFrame : public QDialog
{
    Q_OBJECT
public:
    //! The section titles, in order, as the user reads them.
    QStringList sections() const;
    void showSection(const QString &title);

protected:
    //! sectionsName: the section list's accessible name.
    SettingsFrame(const QString &sectionsName, QWidget *parent);

    //! A section whose page has its title as heading; the page's layout, for what goes under it.
    QVBoxLayout *newPage(const QString &title);
    //! A section with a page of its own making.
    void addSection(const QString &title, QWidget *page);
    //! Calls shown each time the user opens page (pages that ask the host for their content).
    void whenShown(QWidget *page, const std::function<void()> &shown);
    //! Once every section is added: the first is shown.
    void showFirstSection();

private:
    QListWidget *m_sections;
    QStackedWidget *m_stack;
};

} // namespace kith::app
