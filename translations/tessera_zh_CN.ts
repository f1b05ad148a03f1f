<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PdfPages</name>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>%1×%2 tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, work stealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 output-channel slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input-channel slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, opset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights (ro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations (rw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 peak with buffer reuse, %2 without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM total, one device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), gateway %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stage(s), %2 tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1: tile grid (cells by device, cut positions on the edges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph (layers tinted by their devices; read the columns left to right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory per device (predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buffers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic per link (predicted, one frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 per frame; %2 redundant MACs from tile overlap (%3%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame: %1. A stream of %2 frames submitted at once: %3 frames/s, latency median %4, max %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames, %2 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 frames/s over %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Predicted one-frame latency: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute pred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute meas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received pred./meas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent pred./meas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory pred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the devices&apos; memory budgets (Cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) over</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest device memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits the budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traffic per frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency, one frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput, stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory per device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, compared with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, with a measured run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Tessera partition-design workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project to open (.tessera)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to FILE (PNG) and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this layer (by name) before the screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the screenshot, run FRAMES frames on the emulated local cluster (Run menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the project&apos;s report to FILE (.pdf, .html, .csv or .json) and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --report: the run record of a measured run (tessera cluster-run --record)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui</name>
    <message>
        <source>searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLPK integer program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dynamic program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 solves: budgets lowered to leave room for buffers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicting the plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (valid keys: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON (byte %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Tessera project (expected a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Tessera project (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a newer Tessera (project format version %1; this version reads up to %2) — update Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model: give either &quot;zoo&quot; (a model of the zoo, e.g. &quot;yolov2-608&quot;) or &quot;path&quot; (a model file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster: required, a cluster as in a cluster file (docs/file-formats.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan: expected a plan as in a plan file (docs/file-formats.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solver.objective: &quot;%1&quot; is not one of memory, traffic, latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solver.time_limit: expected a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the emulated cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting until every node serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 devices cannot be reached over SSH: %3. Give every device a host and SSH settings in the Devices panel, or run on the emulated local cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying to %1 devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying failed on %1 devices: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the nodes failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the telemetry subscription (keys differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with a model and at least one device first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiling the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::AboutDialog</name>
    <message>
        <source>an unknown compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, built against Qt %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tessera Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera Studio %1&lt;/h3&gt;&lt;p&gt;Distributed CNN inference on edge devices: design the partition, check memory and latency before anything runs, deploy and watch the cluster run.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the program&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChannelSplitEditor</name>
    <message>
        <source>Select a layer of a channel split (in the graph or the layer table) to edit its shares here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in a channel split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel splits of this plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To split layers by channels, select a range of layers and choose Partition → Split Output Channels (LOP) or Split Input Channels (LIP). A LOP stage followed by a LIP stage cut the same way is a fused pair: nothing is exchanged between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Device Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reducer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the pair fused (edit both stages together)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing either stage of the fused pair moves the other&apos;s cuts and devices too, so nothing has to be exchanged between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every slice the same number of channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every slice channels in proportion to its device&apos;s speed (MAC/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a slice on another device; the others give up channels for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device that adds the partial sums (and the bias) and runs the rest of the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to the channel split of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal channel shares for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel shares by device speed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the channel shares of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device that computes slice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of slice %1: drag to move channels to or from the other slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channels of slice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run slice %1 of %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the channel split of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this slice; the others take its channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A split needs two slices: to run these layers on one device, place them on it (Partition → Place on Device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>LOP (output channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIP (input channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channels of %2, cut into %3 slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(whole planes of %n value(s): the cuts fall between flattened channels)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First slice&apos;s device (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The cuts of this stage do not fit its %n channel(s); split the layers again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fused with the LIP stage %1 after it: every device&apos;s output slice is its input slice there, so nothing is exchanged between the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fused with the LOP stage %1 before it: every device&apos;s input slice is its output slice there, so nothing is exchanged between the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LIP stage %1 after it reads this output but is cut differently: the slices are exchanged between the devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LOP stage %1 before it writes this input but is cut differently: the slices are exchanged between the devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the Next LIP Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the Previous LOP Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the LIP stage as the LOP stage, on the same devices: the pair fuses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::Commands</name>
    <message>
        <source>Add device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove device %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceDialog</name>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address for deployment (optional for planning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GMAC/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed (conv/GEMM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link bandwidth:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::DevicePanel</name>
    <message>
        <source>Raspberry Pi 3 Model B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raspberry Pi 4 (4 GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raspberry Pi 5 (8 GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jetson Nano (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulated device (¼ core, 100 Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a device from a board preset or a custom one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe &amp;Selected Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe &amp;All Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the selected devices (all when none is selected) and ask their architecture, OS, memory and tessera-node: over SSH for devices with an SSH block, on this machine for the emulated ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown Host Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 presents a host key that is not in known_hosts:

%2 %3

Compare it with the device&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device). Trust this key and add it to known_hosts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host Key Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a device named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster needs at least one device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceProber</name>
    <message>
        <source>unknown OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ready: %1, %2, %n CPUs, %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on this machine (no &quot;ssh&quot; block: emulated or local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: %1 (%2 available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk free: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tessera-node: not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tessera-node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key %1 was not trusted: not connected (the known_hosts file is unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceStrip</name>
    <message numerus="yes">
        <source>%1 · %n tile(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceTableModel</name>
    <message>
        <source>Not probed yet: Probe connects to the device and asks what it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop layers here to run them whole on %1, or a tile of the tile editor to run it there; drag the device onto a tile to run that tile on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gateway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::FrameInputs</name>
    <message>
        <source>The model has %1 inputs; an image folder can feed a model with one image input. Use generated input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has %1 inputs; a video can feed a model with one image input. Use generated input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s input &apos;%1&apos; has shape %2; images and video frames can feed Nx3xHxW or Nx1xHxW inputs. Use generated input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image folder &apos;%1&apos; does not exist: choose a folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; holds no image Qt can read (PNG, JPEG, BMP, ...): choose a folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the image (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::FuseDialog</name>
    <message>
        <source>&amp;Data reuse (odd tiles fetch border strips instead of recomputing them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work stealing (idle devices take pending tiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuse as Tile Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers %1 run as one fused block: each device computes whole tiles of the block&apos;s output through every layer, without exchanging data inside the block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid (rows × columns):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTable</name>
    <message>
        <source>Filter layers (name, op, scheme, device)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTableModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened project&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Tessera Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 layers, %3 MACs, %4 params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;plan not valid&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all devices within budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n device(s) over budget&lt;/span&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>latency %1 · traffic %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes from a session that did not end normally. Recover them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An untitled project was not saved when the last session ended. Recover it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project from a Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (*.onnx *.cfg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the report&apos;s format comes from the extension: .html, .pdf, .csv or .json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the report to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project from Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Sample Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fuse as Tile Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuse as Tiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected layer range as one fused block cut into tiles (FTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split &amp;Output Channels (LOP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each device computes a share of the output channels from the whole input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split &amp;Input Channels (LIP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each device computes a partial sum from a share of the input channels; the gateway adds them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Plan (Whole Model on Gateway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the whole model on the gateway again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the plan that minimises latency, traffic or memory under the devices&apos; budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tessera Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project from Model &amp;Zoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place on Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour Layers By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour layers by op category or by a cost (heat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find layer (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layer matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimized plan applied (Ctrl+Z undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on &amp;Emulated Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start one tessera-node per device on this machine and stream frames through the plan, with live charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Run panel: target, input, frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::MemoryChart</name>
    <message>
        <source>Memory per device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeDialog</name>
    <message>
        <source>Pareto front against the largest device memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data reuse in tile blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel splits (LOP, LIP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimize the Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (predicted, one frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic (bytes exchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (largest device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square tile grids to consider, e.g. 2, 3, 4, 5 (2 means 2x2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective and search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile grids:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deepest tile block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to minimise and press Optimize. The current plan stays until you apply a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages of the result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile grids: &quot;%1&quot; is not a grid size from 1 to 32; write sizes separated by commas, e.g. 2, 3, 4, 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the candidate stages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping; the best plan found so far is kept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 candidate stages, %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply optimized plan (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Pareto front sets latency or traffic against memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic against memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency against memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest device memory (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic per frame (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency, one frame (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest device memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic per frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency, one frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2 tiles%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output channels split in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input channels split in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>all %n devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3 (%n node(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PartitionEditor</name>
    <message>
        <source>Cannot fuse these layers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuse %1..%2 as %3x%4 tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot place these layers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place %1..%2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot split these layers by channels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split output channels of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split input channels of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the layers to split first (in the graph or the layer table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the layers to fuse first (in the graph or the layer table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the layers to place first (in the graph or the layer table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer is not part of a tile block: fuse a layer range first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the tile block: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the cut lines of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1x%2 output cannot be cut into %3x%4 tiles: a tile needs at least one row and one column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %1 into %2x%3 tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set data reuse %1, work stealing %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>There is no device #%1 in the cluster (it has %n device(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no tile %1 in this block (it has %n tile(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run tile %1 of %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer is not part of a channel split: split a layer range by channels first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the channel split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %1 as the LOP stage before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot fuse the LOP and LIP stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a LIP stage (a split by input channels) has a reducer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce %1 on its first slice&apos;s device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the reducer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::PredictionPanel</name>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory / budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The plan is not valid&lt;/b&gt;; nothing can be predicted until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;Latency (one frame):&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Traffic per frame:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Redundant work (tile overlap):&lt;/td&gt;&lt;td&gt;%3%&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Stages / tasks:&lt;/td&gt;&lt;td&gt;%4 / %5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary (KiB, MiB, GiB: powers of 1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal (kB, MB, GB: powers of 1000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sizes are shown in every view; the command line always prints binary units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size &amp;units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file dialog&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Projects folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beside tessera-studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holding the tessera-node that Run starts on this machine and copies to the devices (an aarch64 build is looked for in ../aarch64/bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tessera-&amp;node folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often unsaved changes are written to a side file for crash recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectModel</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file %1 changed since the project was saved (its SHA-256 differs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::PropertiesPanel</name>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;Select a layer in the graph or the table to see its properties.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 selected: %2 … %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunCharts</name>
    <message>
        <source>Peak RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per frame (end to end) and compute per device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames/s (last %1 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak memory per device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunPanel</name>
    <message>
        <source>Until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulated local cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s devices (SSH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulated: one tessera-node process per device on this machine (loopback). Devices: deploy over SSH to each device&apos;s host and run there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames at the gateway at once (pipelining)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video file (MP4, MKV, AVI, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of images (PNG, JPEG, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), median latency %1 ms, %2 frames/s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n frame(s); the nodes are stopped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::StageExplanation</name>
    <message>
        <source>No project open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileCanvas</name>
    <message>
        <source>Output of %1: %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block input &apos;%1&apos;: %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receptive regions outlined, overlaps shaded (darker: more tiles). The tiles read %1× this input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row cut at %1: drag up or down to resize the tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column cut at %1: drag left or right to resize the tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile %1: rows %2–%3, columns %4–%5, on %6. Drag it onto a device to move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads rows %1–%2, columns %3–%4 of %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileEditor</name>
    <message>
        <source>Select a layer of a tile block (in the graph or the layer table) to edit its tiles here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in a tile block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile blocks of this plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To make a tile block, select a range of layers (click the first, Shift+click the last) and choose Partition → Fuse as Tile Block… (Ctrl+T). Its output is cut into a grid of tiles that the devices compute in parallel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work stealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows of tiles: the block&apos;s output is re-cut evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of tiles: the block&apos;s output is re-cut evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepThings&apos; data reuse: in a checkerboard, the hatched (odd) tiles fetch the borders they share with their neighbours instead of recomputing them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work stealing: an idle device takes pending tiles from a busy one at run time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the block&apos;s input with every tile&apos;s receptive region; overlaps are shaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a tile onto a device, or a device onto a tile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layer(s) · output %3 · %4 × %5 tiles</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineCanvas</name>
    <message>
        <source>No valid plan to simulate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineView</name>
    <message>
        <source>Frames sent back to back: more than one shows the pipeline filling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One frame: %1 end to end, %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames: latency %2 to %3, throughput %4 frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2 to %3%4, frame %5
%6 to %7 (%8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 (%2), %3, frame %4
%5 to %6 (%7) on %8</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Tessera Studio&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design how a CNN is split across small edge devices: see every layer&apos;s cost, fuse layers into tiles, place layers on devices and check each device&apos;s memory and the predicted latency before anything runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample project (YOLOv2 on six emulated devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project from a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
