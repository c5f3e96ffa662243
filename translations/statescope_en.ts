<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StateScope::DashboardSession</name>
    <message numerus="yes">
        <source>loaded, %n unreadable records skipped</source>
        <translation>
            <numerusform>loaded, %n unreadable record skipped</numerusform>
            <numerusform>loaded, %n unreadable records skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded; %n unreadable records skipped</source>
        <translation>
            <numerusform>Loaded; %n unreadable record skipped</numerusform>
            <numerusform>Loaded; %n unreadable records skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::MainWindow</name>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln execution</numerusform>
            <numerusform>%Ln executions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln transitions</source>
        <translation>
            <numerusform>%Ln transition</numerusform>
            <numerusform>%Ln transitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln states</source>
        <translation>
            <numerusform>%Ln state</numerusform>
            <numerusform>%Ln states</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln running</numerusform>
            <numerusform>%Ln running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alerts</source>
        <translation>
            <numerusform>%Ln alert</numerusform>
            <numerusform>%Ln alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Definition %1 attached; it has %n structural errors (Analytics, validation)</source>
        <translation>
            <numerusform>Definition %1 attached; it has %n structural error (Analytics, validation)</numerusform>
            <numerusform>Definition %1 attached; it has %n structural errors (Analytics, validation)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::PredictionsModel</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryPane</name>
    <message numerus="yes">
        <source>%n transitions rolled back</source>
        <translation>
            <numerusform>%n transition rolled back</numerusform>
            <numerusform>%n transitions rolled back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variable values changed</source>
        <translation>
            <numerusform>%n variable value changed</numerusform>
            <numerusform>%n variable values changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::ReportPdf</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more alerts were left out of the report.</source>
        <translation>
            <numerusform>%n more alert was left out of the report.</numerusform>
            <numerusform>%n more alerts were left out of the report.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::SourcesPane</name>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln execution</numerusform>
            <numerusform>%Ln executions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::StateDiagramView</name>
    <message numerus="yes">
        <source>%Ln transitions, probability %1</source>
        <translation>
            <numerusform>%Ln transition, probability %1</numerusform>
            <numerusform>%Ln transitions, probability %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::TimelineView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Execution %1
Status: %2, %n stay(s)</source>
        <translation>
            <numerusform>Execution %1
Status: %2, %n stay</numerusform>
            <numerusform>Execution %1
Status: %2, %n stays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  and %n more state(s)</source>
        <translation>
            <numerusform>  and %n more state</numerusform>
            <numerusform>  and %n more states</numerusform>
        </translation>
    </message>
</context>
</TS>
