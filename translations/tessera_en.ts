<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ReportPdf</name>
    <message numerus="yes">
        <source>%n device(s), gateway %1.</source>
        <translation>
            <numerusform>%n device, gateway %1.</numerusform>
            <numerusform>%n devices, gateway %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) over</source>
        <translation>
            <numerusform>%n device over</numerusform>
            <numerusform>%n devices over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n device(s)</source>
        <translation>
            <numerusform>%1 on %n device</numerusform>
            <numerusform>%1 on %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChannelSplitEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layer(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layer</numerusform>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(whole planes of %n value(s): the cuts fall between flattened channels)</source>
        <translation>
            <numerusform>(whole planes of %n value: the cuts fall between flattened channels)</numerusform>
            <numerusform>(whole planes of %n values: the cuts fall between flattened channels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cuts of this stage do not fit its %n channel(s); split the layers again.</source>
        <translation>
            <numerusform>The cuts of this stage do not fit its %n channel; split the layers again.</numerusform>
            <numerusform>The cuts of this stage do not fit its %n channels; split the layers again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceProber</name>
    <message numerus="yes">
        <source>Ready: %1, %2, %n CPUs, %3</source>
        <translation>
            <numerusform>Ready: %1, %2, %n CPU, %3</numerusform>
            <numerusform>Ready: %1, %2, %n CPUs, %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceStrip</name>
    <message numerus="yes">
        <source>%1 · %n tile(s)</source>
        <translation>
            <numerusform>%1 · %n tile</numerusform>
            <numerusform>%1 · %n tiles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n device(s) over budget&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n device over budget&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n devices over budget&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeDialog</name>
    <message numerus="yes">
        <source>%n plan(s) on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</source>
        <translation>
            <numerusform>%n plan on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</numerusform>
            <numerusform>%n plans on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n devices</source>
        <translation>
            <numerusform>the %n device</numerusform>
            <numerusform>all %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3 (%n node(s))</source>
        <translation>
            <numerusform>%1: %2 on %3 (%n node)</numerusform>
            <numerusform>%1: %2 on %3 (%n nodes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PartitionEditor</name>
    <message numerus="yes">
        <source>There is no device #%1 in the cluster (it has %n device(s)).</source>
        <translation>
            <numerusform>There is no device #%1 in the cluster (it has %n device).</numerusform>
            <numerusform>There is no device #%1 in the cluster (it has %n devices).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no tile %1 in this block (it has %n tile(s)).</source>
        <translation>
            <numerusform>There is no tile %1 in this block (it has %n tile).</numerusform>
            <numerusform>There is no tile %1 in this block (it has %n tiles).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunPanel</name>
    <message numerus="yes">
        <source>%n frame(s), median latency %1 ms, %2 frames/s</source>
        <translation>
            <numerusform>%n frame, median latency %1 ms, %2 frames/s</numerusform>
            <numerusform>%n frames, median latency %1 ms, %2 frames/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n frame(s); the nodes are stopped.</source>
        <translation>
            <numerusform>Finished: %n frame; the nodes are stopped.</numerusform>
            <numerusform>Finished: %n frames; the nodes are stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deployed to %n device(s); Run starts them.</source>
        <translation>
            <numerusform>Deployed to %n device; Run starts it.</numerusform>
            <numerusform>Deployed to %n devices; Run starts them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layer(s) · output %3 · %4 × %5 tiles</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layer · output %3 · %4 × %5 tiles</numerusform>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layers · output %3 · %4 × %5 tiles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineView</name>
    <message numerus="yes">
        <source>One frame: %1 end to end, %n task(s)</source>
        <translation>
            <numerusform>One frame: %1 end to end, %n task</numerusform>
            <numerusform>One frame: %1 end to end, %n tasks</numerusform>
        </translation>
    </message>
</context>
</TS>
