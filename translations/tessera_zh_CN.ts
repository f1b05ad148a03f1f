<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreText</name>
    <message>
        <source>the plan is not valid (%1 problem):</source>
        <translation>方案无效（%1 个问题）：</translation>
    </message>
    <message>
        <source>the plan is not valid (%1 problems):</source>
        <translation>方案无效（%1 个问题）：</translation>
    </message>
    <message>
        <source>stage %1 (%2):</source>
        <translation>阶段 %1（%2）：</translation>
    </message>
    <message>
        <source>stage %1:</source>
        <translation>阶段 %1：</translation>
    </message>
    <message>
        <source>node %1:</source>
        <translation>节点 %1：</translation>
    </message>
    <message>
        <source>cluster:</source>
        <translation>集群：</translation>
    </message>
    <message>
        <source>device #%1 is not in the cluster (it has %2 devices)</source>
        <translation>设备 #%1 不在集群中（集群有 %2 个设备）</translation>
    </message>
    <message>
        <source>needs %1 device assignment(s), has %2</source>
        <translation>需要 %1 个设备分配，实际有 %2 个</translation>
    </message>
    <message>
        <source>row/column cuts, data reuse and work stealing belong to tile stages only</source>
        <translation>行/列切分位置、数据复用和工作窃取只属于分块阶段</translation>
    </message>
    <message>
        <source>channel cuts belong to lop and lip stages only</source>
        <translation>通道切分位置只属于 LOP 和 LIP 阶段</translation>
    </message>
    <message>
        <source>only lip stages have a reducer</source>
        <translation>只有 LIP 阶段有归约设备</translation>
    </message>
    <message>
        <source>node %1 feeds &apos;%2&apos; to nodes outside the stage; end the stage there or take those nodes in</source>
        <translation>节点 %1 将 &apos;%2&apos; 传给阶段之外的节点；请在此结束阶段，或把这些节点纳入阶段</translation>
    </message>
    <message>
        <source>row cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>行切分位置 [%1] 必须严格递增且位于 (0, %2) 之内</translation>
    </message>
    <message>
        <source>column cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>列切分位置 [%1] 必须严格递增且位于 (0, %2) 之内</translation>
    </message>
    <message>
        <source>channel cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>通道切分位置 [%1] 必须严格递增且位于 (0, %2) 之内</translation>
    </message>
    <message>
        <source>input channel cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>输入通道切分位置 [%1] 必须严格递增且位于 (0, %2) 之内</translation>
    </message>
    <message>
        <source>the reducer device #%1 is not in the cluster</source>
        <translation>归约设备 #%1 不在集群中</translation>
    </message>
    <message>
        <source>the model has no nodes, the plan has %1 stages</source>
        <translation>模型没有节点，方案却有 %1 个阶段</translation>
    </message>
    <message>
        <source>node range #%1..#%2 is not inside the model&apos;s %3 nodes</source>
        <translation>节点范围 #%1..#%2 不在模型的 %3 个节点之内</translation>
    </message>
    <message>
        <source>starts at %1, after its last node %2; swap them</source>
        <translation>起始节点 %1 位于最后节点 %2 之后；请交换两者</translation>
    </message>
    <message>
        <source>nodes %1 belong to no stage</source>
        <translation>节点 %1 不属于任何阶段</translation>
    </message>
    <message>
        <source>overlaps the stage before it (stages must be in node order)</source>
        <translation>与前一个阶段重叠（阶段必须按节点顺序排列）</translation>
    </message>
    <message>
        <source>the stage&apos;s node range is not inside the model</source>
        <translation>阶段的节点范围不在模型之内</translation>
    </message>
    <message>
        <source>%1 with more than one output cannot be tiled</source>
        <translation>有多个输出的 %1 无法分块</translation>
    </message>
    <message>
        <source>tiles need 4-D (N,C,H,W) values; its output is %1-D</source>
        <translation>分块需要 4 维 (N,C,H,W) 的值；它的输出是 %1 维</translation>
    </message>
    <message>
        <source>AveragePool with both count_include_pad and ceil_mode cannot be tiled exactly</source>
        <translation>同时设置 count_include_pad 和 ceil_mode 的 AveragePool 无法精确分块</translation>
    </message>
    <message>
        <source>only a Concat along channels (axis 1) can be tiled</source>
        <translation>只有沿通道（轴 1）的 Concat 可以分块</translation>
    </message>
    <message>
        <source>%1 is not spatially local (tile blocks take Conv, MaxPool, AveragePool, activations, BatchNormalization, element-wise arithmetic, LRN and channel Concat)</source>
        <translation>%1 不是空间局部的（分块组可包含 Conv、MaxPool、AveragePool、激活、BatchNormalization、逐元素运算、LRN 和通道 Concat）</translation>
    </message>
    <message>
        <source>%1 with more than one output cannot be split by channels</source>
        <translation>有多个输出的 %1 无法按通道切分</translation>
    </message>
    <message>
        <source>its output has no channel axis</source>
        <translation>它的输出没有通道轴</translation>
    </message>
    <message>
        <source>Softmax normalises across channels, so every slice needs all of them</source>
        <translation>Softmax 跨通道归一化，因此每个切片都需要全部通道</translation>
    </message>
    <message>
        <source>only Flatten(axis=1) of a 4-D value can be split by channels</source>
        <translation>只有 4 维值上的 Flatten(axis=1) 可以按通道切分</translation>
    </message>
    <message>
        <source>only a MatMul with a 2-D right-hand side can be split by output features</source>
        <translation>只有右侧为 2 维的 MatMul 可以按输出特征切分</translation>
    </message>
    <message>
        <source>%1 mixes channels in a way a channel slice cannot follow</source>
        <translation>%1 以通道切片无法跟随的方式混合通道</translation>
    </message>
    <message>
        <source>a grouped Conv cannot be split by input channels (use LOP)</source>
        <translation>分组 Conv 无法按输入通道切分（请使用 LOP）</translation>
    </message>
    <message>
        <source>the Conv&apos;s weights must be constants</source>
        <translation>Conv 的权重必须是常量</translation>
    </message>
    <message>
        <source>a Gemm with transA cannot be split by input features</source>
        <translation>带 transA 的 Gemm 无法按输入特征切分</translation>
    </message>
    <message>
        <source>the Gemm&apos;s weights must be constants</source>
        <translation>Gemm 的权重必须是常量</translation>
    </message>
    <message>
        <source>a Gemm with beta != 1 cannot be split by input features</source>
        <translation>beta != 1 的 Gemm 无法按输入特征切分</translation>
    </message>
    <message>
        <source>only a 2-D MatMul with constant 2-D weights can be split by input features</source>
        <translation>只有带常量 2 维权重的 2 维 MatMul 可以按输入特征切分</translation>
    </message>
    <message>
        <source>LIP splits the input channels of a Conv, Gemm or MatMul; the stage starts with %1</source>
        <translation>LIP 切分 Conv、Gemm 或 MatMul 的输入通道；该阶段以 %1 开始</translation>
    </message>
    <message>
        <source>device &apos;%1&apos; needs %2, %3 over its budget of %4</source>
        <translation>设备 &apos;%1&apos; 需要 %2，超出其 %4 预算 %3</translation>
    </message>
    <message>
        <source>the cluster has no devices</source>
        <translation>集群没有设备</translation>
    </message>
    <message>
        <source>device %1:</source>
        <translation>设备 %1：</translation>
    </message>
    <message>
        <source>has no name</source>
        <translation>没有名称</translation>
    </message>
    <message>
        <source>the name is used twice</source>
        <translation>名称被使用了两次</translation>
    </message>
    <message>
        <source>memory budget must be positive</source>
        <translation>内存预算必须为正</translation>
    </message>
    <message>
        <source>threads must be at least 1</source>
        <translation>线程数必须至少为 1</translation>
    </message>
    <message>
        <source>speeds (macs_per_second, bytes_per_second) must be positive</source>
        <translation>速度（macs_per_second、bytes_per_second）必须为正</translation>
    </message>
    <message>
        <source>link bandwidth must be positive and latency not negative</source>
        <translation>链路带宽必须为正，延迟不能为负</translation>
    </message>
    <message>
        <source>node overhead cannot be negative</source>
        <translation>节点开销不能为负</translation>
    </message>
    <message>
        <source>runtime overhead cannot be negative</source>
        <translation>运行时开销不能为负</translation>
    </message>
    <message>
        <source>the gateway #%1 is not one of the devices</source>
        <translation>网关 #%1 不是集群中的设备</translation>
    </message>
    <message>
        <source>a shared medium needs a positive medium bandwidth</source>
        <translation>共享介质需要正的介质带宽</translation>
    </message>
    <message>
        <source>the cluster is not valid (%1 problem):</source>
        <translation>集群无效（%1 个问题）：</translation>
    </message>
    <message>
        <source>the cluster is not valid (%1 problems):</source>
        <translation>集群无效（%1 个问题）：</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (valid keys: %2)</source>
        <translation>未知键 &quot;%1&quot;（有效键：%2）</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>应为数字，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected a number or a string such as &quot;%1&quot;, found %2</source>
        <translation>应为数字或类似 &quot;%1&quot; 的字符串，实际为 %2</translation>
    </message>
    <message>
        <source>expected an object (user, port, key_file, ...), found %1</source>
        <translation>应为对象（user、port、key_file 等），实际为 %1</translation>
    </message>
    <message>
        <source>expected a port between 1 and 65535, found %1</source>
        <translation>应为 1 到 65535 之间的端口，实际为 %1</translation>
    </message>
    <message>
        <source>must not be empty (leave it out for the default &quot;.tessera&quot;)</source>
        <translation>不能为空（省略则使用默认值 &quot;.tessera&quot;）</translation>
    </message>
    <message>
        <source>expected an object describing a device, found %1</source>
        <translation>应为描述设备的对象，实际为 %1</translation>
    </message>
    <message>
        <source>unknown preset &apos;%1&apos; (presets: %2)</source>
        <translation>未知预设 &apos;%1&apos;（预设：%2）</translation>
    </message>
    <message>
        <source>missing &quot;name&quot;</source>
        <translation>缺少 &quot;name&quot;</translation>
    </message>
    <message>
        <source>not a Tessera cluster file (&quot;format&quot; is &quot;%1&quot;)</source>
        <translation>不是 Tessera 集群文件（&quot;format&quot; 为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>not a Tessera cluster file (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是 Tessera 集群文件（没有 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>missing (cluster files have &quot;version&quot;: %1)</source>
        <translation>缺失（集群文件应有 &quot;version&quot;: %1）</translation>
    </message>
    <message>
        <source>expected a whole number of at least 1, found %1</source>
        <translation>应为不小于 1 的整数，实际为 %1</translation>
    </message>
    <message>
        <source>written by a newer Tessera (cluster format version %1; this version reads up to %2) — update Tessera</source>
        <translation>由更新版本的 Tessera 写入（集群格式版本 %1；本版本最高读取 %2）— 请更新 Tessera</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>missing &quot;devices&quot;</source>
        <translation>缺少 &quot;devices&quot;</translation>
    </message>
    <message>
        <source>expected an array of devices, found %1</source>
        <translation>应为设备数组，实际为 %1</translation>
    </message>
    <message>
        <source>no device named &apos;%1&apos; (devices: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的设备（设备：%2）</translation>
    </message>
    <message>
        <source>not valid JSON (byte %1): %2</source>
        <translation>不是有效的 JSON（第 %1 字节）：%2</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>cannot open for reading: %1</source>
        <translation>无法打开读取：%1</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>读取错误</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>无法写入：%1</translation>
    </message>
    <message>
        <source>write failed: %1 (disk full?)</source>
        <translation>写入失败：%1（磁盘已满？）</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>无法替换文件：%1</translation>
    </message>
    <message>
        <source>model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>plan:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>is a directory, not a model file</source>
        <translation>是文件夹，不是模型文件</translation>
    </message>
    <message>
        <source>cannot open file (does it exist and is it readable?)</source>
        <translation>无法打开文件（文件是否存在且可读？）</translation>
    </message>
    <message>
        <source>cannot read the file size</source>
        <translation>无法读取文件大小</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>contains no graph nodes (truncated file, or not an ONNX model?)</source>
        <translation>不含计算图节点（文件被截断，或不是 ONNX 模型？）</translation>
    </message>
    <message>
        <source>not a valid ONNX file (protobuf decoding failed: the file is truncated, corrupt, or not ONNX)</source>
        <translation>不是有效的 ONNX 文件（protobuf 解码失败：文件被截断、已损坏或不是 ONNX）</translation>
    </message>
    <message>
        <source>no opset_import for the default ONNX domain</source>
        <translation>默认 ONNX 域没有 opset_import</translation>
    </message>
    <message>
        <source>opset %1 is newer than the ONNX library Tessera uses supports (up to %2); re-export the model with a lower opset</source>
        <translation>opset %1 比 Tessera 使用的 ONNX 库所支持的版本（最高 %2）更新；请用更低的 opset 重新导出模型</translation>
    </message>
    <message>
        <source>rejected by the ONNX checker: %1</source>
        <translation>被 ONNX 检查器拒绝：%1</translation>
    </message>
    <message>
        <source>%1 node(s) use operators Tessera does not support: %2. Supported operators: %3</source>
        <translation>%1 个节点使用了 Tessera 不支持的算子：%2。支持的算子：%3</translation>
    </message>
    <message>
        <source>could not determine a static shape for %1; check --input-shape or simplify the model</source>
        <translation>无法确定 %1 的静态形状；请检查 --input-shape 或简化模型</translation>
    </message>
    <message>
        <source>ONNX shape inference failed: %1</source>
        <translation>ONNX 形状推断失败：%1</translation>
    </message>
    <message>
        <source>dynamic input shape could not be resolved for %1: give the shape with --input-shape, e.g. --input-shape %2</source>
        <translation>无法确定 %1 的动态输入形状：请用 --input-shape 给出形状，例如 --input-shape %2</translation>
    </message>
    <message>
        <source>no input named &apos;%1&apos; (inputs: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的输入（输入：%2）</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has rank %2, the given shape %3 has rank %4</source>
        <translation>输入 &apos;%1&apos; 的秩为 %2，给定形状 %3 的秩为 %4</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has fixed dimension %2 = %3, the given shape says %4</source>
        <translation>输入 &apos;%1&apos; 的固定维度 %2 = %3，给定形状为 %4</translation>
    </message>
    <message>
        <source>the model has %1 inputs: give each shape as NAME:D1,D2,...</source>
        <translation>模型有 %1 个输入：请以 NAME:D1,D2,... 的形式给出每个形状</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has a negative dimension</source>
        <translation>张量 &apos;%1&apos; 有负的维度</translation>
    </message>
    <message>
        <source>no choice of stages fits the memory budgets</source>
        <translation>没有任何阶段组合能满足内存预算</translation>
    </message>
    <message>
        <source>no plan fits the memory budgets</source>
        <translation>没有方案能满足内存预算</translation>
    </message>
    <message>
        <source>no plan fits the memory budgets and the memory cap of %1</source>
        <translation>没有方案能满足内存预算和 %1 的内存上限</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on %2 (budget %3)</source>
        <translation>即使最接近满足的方案也需要在 %2 上使用 %1（预算 %3）</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on %2 (memory cap %3, budget %4)</source>
        <translation>即使最接近满足的方案也需要在 %2 上使用 %1（内存上限 %3，预算 %4）</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on each of %2 (budget %3)</source>
        <translation>即使最接近满足的方案也需要在 %2 的每一个上使用 %1（预算 %3）</translation>
    </message>
    <message>
        <source>the closest plan found needs %1 on %2 (budget %3)</source>
        <translation>找到的最接近方案需要在 %2 上使用 %1（预算 %3）</translation>
    </message>
    <message>
        <source>the closest plan found needs %1 on each of %2 (budget %3)</source>
        <translation>找到的最接近方案需要在 %2 的每一个上使用 %1（预算 %3）</translation>
    </message>
    <message>
        <source>%1 on %2 (budget %3)</source>
        <translation>%2 上 %1（预算 %3）</translation>
    </message>
    <message>
        <source>%1 on each of %2 (budget %3)</source>
        <translation>%2 的每一个上 %1（预算 %3）</translation>
    </message>
    <message>
        <source>weights of %1 %2</source>
        <translation>%1 的权重 %2</translation>
    </message>
    <message>
        <source>arena of %1 %2</source>
        <translation>%1 的 arena %2</translation>
    </message>
    <message>
        <source>runtime overhead %1</source>
        <translation>运行时开销 %1</translation>
    </message>
    <message>
        <source>no plan found within the budgets after %1 solves (each lowering the budgets of the devices the last plan overloaded)</source>
        <translation>求解 %1 次后仍未找到满足预算的方案（每次都降低了上一方案超载设备的预算）</translation>
    </message>
    <message>
        <source>the dynamic program needs a chain-structured model; this one has branches or skip connections: use the integer program</source>
        <translation>动态规划需要链式结构的模型；此模型有分支或跳跃连接：请使用整数规划</translation>
    </message>
    <message>
        <source>the dynamic program needs a chain: some stage reads a value from further back than the stage before it (use the integer program)</source>
        <translation>动态规划需要链式结构：某个阶段读取了比前一阶段更靠前的值（请使用整数规划）</translation>
    </message>
    <message>
        <source>too many choices to enumerate (%1)</source>
        <translation>可选组合太多，无法枚举（%1）</translation>
    </message>
    <message>
        <source>optimization cancelled</source>
        <translation>优化已取消</translation>
    </message>
    <message>
        <source>cancelled before any plan was found</source>
        <translation>在找到任何方案之前已取消</translation>
    </message>
    <message>
        <source>cancelled before the search started</source>
        <translation>在搜索开始之前已取消</translation>
    </message>
    <message>
        <source>cancelled while measuring candidate stages</source>
        <translation>测量候选阶段时已取消</translation>
    </message>
    <message>
        <source>the time limit (%1) ran out before any plan was found</source>
        <translation>在找到任何方案之前时间限制（%1）已用完</translation>
    </message>
    <message>
        <source>the search stopped before it found a plan within the limits</source>
        <translation>搜索在找到满足限制的方案之前停止</translation>
    </message>
    <message>
        <source>no plan exists: no option covers unit %1</source>
        <translation>不存在方案：没有选项覆盖单元 %1</translation>
    </message>
    <message>
        <source>measuring candidate stages</source>
        <translation>正在测量候选阶段</translation>
    </message>
    <message>
        <source>branch and bound: no plan yet</source>
        <translation>分支定界：尚无方案</translation>
    </message>
    <message>
        <source>branch and bound: no plan yet, bound %1</source>
        <translation>分支定界：尚无方案，界 %1</translation>
    </message>
    <message>
        <source>branch and bound: best %1</source>
        <translation>分支定界：最优 %1</translation>
    </message>
    <message>
        <source>branch and bound: best %1, bound %2 (gap %3)</source>
        <translation>分支定界：最优 %1，界 %2（差距 %3）</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <source>not improved</source>
        <translation>未改进</translation>
    </message>
    <message>
        <source>time limit: %1</source>
        <translation>时间限制：%1</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>cannot connect: cannot resolve %1: %2 - check &quot;host&quot; in the cluster file</source>
        <translation>无法连接：无法解析 %1：%2 - 请检查集群文件中的 &quot;host&quot;</translation>
    </message>
    <message>
        <source>cancelled while connecting</source>
        <translation>连接时已取消</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3 - check that the device is on, reachable, and runs sshd on port %4</source>
        <translation>无法连接到 %1 端口 %2：%3 - 请检查设备已开机、可访问，并在端口 %4 上运行 sshd</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3 - check that the jump host can reach the device, and that the device runs sshd on port %4</source>
        <translation>无法连接到 %1 端口 %2：%3 - 请检查跳板主机能否访问设备，以及设备是否在端口 %4 上运行 sshd</translation>
    </message>
    <message>
        <source>cannot connect: %1 - check that the device is on, reachable, and runs sshd on port %2</source>
        <translation>无法连接：%1 - 请检查设备已开机、可访问，并在端口 %2 上运行 sshd</translation>
    </message>
    <message>
        <source>cannot connect: %1 - check that the jump host can reach the device, and that the device runs sshd on port %2</source>
        <translation>无法连接：%1 - 请检查跳板主机能否访问设备，以及设备是否在端口 %2 上运行 sshd</translation>
    </message>
    <message>
        <source>no host set (&quot;host&quot; in the cluster file)</source>
        <translation>未设置主机（集群文件中的 &quot;host&quot;）</translation>
    </message>
    <message>
        <source>REFUSED: THE HOST KEY HAS CHANGED. The device now shows %1 key %2, but %3 holds a different key for %4. Someone may be intercepting the connection, or the device was reinstalled. Tessera never accepts a changed key; if you are sure the device was reinstalled, remove the old entry (ssh-keygen -R &apos;%5&apos; -f %6) and connect again</source>
        <translation>已拒绝：主机密钥已更改。设备现在显示 %1 密钥 %2，但 %3 中保存的 %4 的密钥不同。可能有人在截获连接，或设备已重装。Tessera 从不接受已更改的密钥；如果确定设备已重装，请删除旧条目（ssh-keygen -R &apos;%5&apos; -f %6）后重新连接</translation>
    </message>
    <message>
        <source>unknown host key %1 %2 (not in %3). Compare it with the device&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device) and, if it matches, accept it: run tessera again with --accept-new-host-keys, or in the studio Devices → Probe, which shows the key and asks</source>
        <translation>未知主机密钥 %1 %2（不在 %3 中）。请与设备自身的密钥比较（在设备上运行 ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub），如一致则接受：用 --accept-new-host-keys 重新运行 tessera，或在工作室中使用“设备 → 探测”，它会显示密钥并询问</translation>
    </message>
    <message>
        <source>could not add the host key to %1: %2</source>
        <translation>无法将主机密钥添加到 %1：%2</translation>
    </message>
    <message>
        <source>could not check the host key against %1: %2</source>
        <translation>无法对照 %1 检查主机密钥：%2</translation>
    </message>
    <message>
        <source>cannot read the key file %1: %2 - check &quot;ssh.key_file&quot;</source>
        <translation>无法读取密钥文件 %1：%2 - 请检查 &quot;ssh.key_file&quot;</translation>
    </message>
    <message>
        <source>cannot load the private key %1 (not a private key, or encrypted and no correct passphrase was given)</source>
        <translation>无法加载私钥 %1（不是私钥，或已加密但未提供正确的口令）</translation>
    </message>
    <message>
        <source>authentication failed with the ssh-agent&apos;s keys and ~/.ssh/id_*%1 - add the public key to ~%2/.ssh/authorized_keys on the device (ssh-copy-id), or set &quot;ssh.key_file&quot; to the right key</source>
        <translation>使用 ssh-agent 的密钥和 ~/.ssh/id_* 认证失败%1 - 请将公钥添加到设备上的 ~%2/.ssh/authorized_keys（ssh-copy-id），或将 &quot;ssh.key_file&quot; 设为正确的密钥</translation>
    </message>
    <message>
        <source>authentication failed with key %1 - add the public key to ~%2/.ssh/authorized_keys on the device (ssh-copy-id), or set &quot;ssh.key_file&quot; to the right key</source>
        <translation>使用密钥 %1 认证失败 - 请将公钥添加到设备上的 ~%2/.ssh/authorized_keys（ssh-copy-id），或将 &quot;ssh.key_file&quot; 设为正确的密钥</translation>
    </message>
    <message>
        <source>cannot open a channel: %1</source>
        <translation>无法打开通道：%1</translation>
    </message>
    <message>
        <source>cancelled while running a command</source>
        <translation>运行命令时已取消</translation>
    </message>
    <message>
        <source>cannot run a command: %1 - the connection may have dropped</source>
        <translation>无法运行命令：%1 - 连接可能已断开</translation>
    </message>
    <message>
        <source>the connection failed while running a command: %1</source>
        <translation>运行命令时连接失败：%1</translation>
    </message>
    <message>
        <source>cannot start SFTP: %1 - enable the sftp subsystem in the device&apos;s sshd_config</source>
        <translation>无法启动 SFTP：%1 - 请在设备的 sshd_config 中启用 sftp 子系统</translation>
    </message>
    <message>
        <source>no bundle directory for this device - run &apos;tessera bundle MODEL PLAN CLUSTER -o DIR&apos; and pass --bundles DIR</source>
        <translation>此设备没有 bundle 文件夹 - 请运行 &apos;tessera bundle MODEL PLAN CLUSTER -o DIR&apos; 并传入 --bundles DIR</translation>
    </message>
    <message>
        <source>deployment cancelled; the device keeps its current release</source>
        <translation>部署已取消；设备保留当前版本</translation>
    </message>
    <message>
        <source>no &quot;host&quot; in the cluster file - set its address</source>
        <translation>集群文件中没有 &quot;host&quot; - 请设置其地址</translation>
    </message>
    <message>
        <source>the probe got no answer from uname -m</source>
        <translation>探测未收到 uname -m 的回应</translation>
    </message>
    <message>
        <source>the probe got no answer from uname -m (is the remote shell a POSIX shell?)</source>
        <translation>探测未收到 uname -m 的回应（远程 shell 是 POSIX shell 吗？）</translation>
    </message>
    <message>
        <source>unexpected answer from the device&apos;s shell: %1</source>
        <translation>设备 shell 的回应出乎意料：%1</translation>
    </message>
    <message>
        <source>this machine:</source>
        <translation>本机：</translation>
    </message>
    <message>
        <source>the layer range is empty or outside the model</source>
        <translation>层范围为空或超出模型</translation>
    </message>
    <message>
        <source>the selection cuts through the %1 stage: select all of it or none of it</source>
        <translation>所选范围切穿了 %1 阶段：请全选或全不选</translation>
    </message>
    <message>
        <source>the block&apos;s last layer &apos;%1&apos; must produce a 4-D feature map to be cut into tiles</source>
        <translation>分块组的最后一层 &apos;%1&apos; 必须输出 4 维特征图才能切分成分块</translation>
    </message>
    <message>
        <source>the plan has no stage %1</source>
        <translation>方案没有阶段 %1</translation>
    </message>
    <message>
        <source>%1 channels of &apos;%2&apos; cannot be split over %3 devices</source>
        <translation>&apos;%2&apos; 的 %1 个通道无法切分到 %3 个设备上</translation>
    </message>
    <message>
        <source>%1 channels cannot be split into %2 slices</source>
        <translation>%1 个通道无法切分成 %2 个切片</translation>
    </message>
    <message>
        <source>the split has no slice %1</source>
        <translation>切分没有切片 %1</translation>
    </message>
    <message>
        <source>device #%1 is not in the cluster</source>
        <translation>设备 #%1 不在集群中</translation>
    </message>
    <message>
        <source>%1 already runs slice %2; a device runs one slice of a split (remove that slice first, or give it to another device)</source>
        <translation>%1 已在运行切片 %2；一个设备只运行切分中的一个切片（请先删除该切片，或把它交给其他设备）</translation>
    </message>
    <message>
        <source>a split needs at least two slices; to run these layers on one device, place them on it</source>
        <translation>切分至少需要两个切片；要在一个设备上运行这些层，请把它们放到该设备上</translation>
    </message>
    <message>
        <source>%1 already runs a slice</source>
        <translation>%1 已在运行一个切片</translation>
    </message>
    <message>
        <source>stage %1 is not a channel split</source>
        <translation>阶段 %1 不是通道切分</translation>
    </message>
    <message>
        <source>the slices do not cover the %1 channels of &apos;%2&apos; with one device each and no empty slice</source>
        <translation>这些切片没有以每个切片一个设备且无空切片的方式覆盖 &apos;%2&apos; 的 %1 个通道</translation>
    </message>
    <message>
        <source>stage %1 is not half of a LOP stage followed by a LIP stage that reads its output</source>
        <translation>阶段 %1 不是“LOP 阶段后接读取其输出的 LIP 阶段”中的一半</translation>
    </message>
    <message>
        <source>only a LIP stage has a reducer</source>
        <translation>只有 LIP 阶段有归约设备</translation>
    </message>
    <message>
        <source>weights of %1 %2 and %3 smaller part</source>
        <translation>%1 的权重 %2 以及 %3 个较小部分</translation>
    </message>
    <message>
        <source>weights of %1 %2 and %3 smaller parts</source>
        <translation>%1 的权重 %2 以及 %3 个较小部分</translation>
    </message>
    <message>
        <source>arena of %1 %2 and %3 smaller part</source>
        <translation>%1 的 arena %2 以及 %3 个较小部分</translation>
    </message>
    <message>
        <source>arena of %1 %2 and %3 smaller parts</source>
        <translation>%1 的 arena %2 以及 %3 个较小部分</translation>
    </message>
    <message>
        <source>runtime overhead %1 and %2 smaller part</source>
        <translation>运行时开销 %1 以及 %2 个较小部分</translation>
    </message>
    <message>
        <source>runtime overhead %1 and %2 smaller parts</source>
        <translation>运行时开销 %1 以及 %2 个较小部分</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>creating device %1</source>
        <translation>正在创建设备 %1</translation>
    </message>
    <message>
        <source>not serving after %1 s (raise the ready timeout): %2</source>
        <translation>%1 秒后仍未就绪（请延长就绪超时）：%2</translation>
    </message>
    <message>
        <source>%1 arrived damaged (its SHA-256 on the device differs) - deploy again</source>
        <translation>%1 到达时已损坏（设备上的 SHA-256 不同）- 请重新部署</translation>
    </message>
    <message>
        <source>the device keeps its current release</source>
        <translation>设备保留当前版本</translation>
    </message>
    <message>
        <source>gateway &apos;%1&apos; at %2 refused the connection: %3 (are the keys from this cluster&apos;s bundle?)</source>
        <translation>位于 %2 的网关 &apos;%1&apos; 拒绝了连接：%3（密钥是否来自此集群的 bundle？）</translation>
    </message>
    <message>
        <source>no answer from the gateway &apos;%1&apos; at %2 within %3 ms (is tessera-node running there?)</source>
        <translation>%3 毫秒内未收到位于 %2 的网关 &apos;%1&apos; 的回应（那里在运行 tessera-node 吗？）</translation>
    </message>
    <message>
        <source>no result from the gateway &apos;%1&apos; at %2 within %3 ms (a worker may have stopped; see the nodes&apos; logs)</source>
        <translation>%3 毫秒内未收到位于 %2 的网关 &apos;%1&apos; 的结果（可能有工作节点已停止；请查看各节点的日志）</translation>
    </message>
    <message>
        <source>no data for the model input &apos;%1&apos;</source>
        <translation>模型输入 &apos;%1&apos; 没有数据</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; takes %2 values, got %3</source>
        <translation>输入 &apos;%1&apos; 需要 %2 个值，实际收到 %3 个</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a Pareto front sets latency, traffic or throughput against memory</source>
        <translation>帕累托前沿将延迟、流量或吞吐量与内存对比</translation>
    </message>
    <message>
        <source>the dynamic program adds costs along the chain, and the period is a maximum over the devices: use the integer program for throughput</source>
        <translation>动态规划沿链累加代价，而周期是各设备上的最大值：吞吐量请使用整数规划</translation>
    </message>
    <message>
        <source>throughput search, first plan:</source>
        <translation>吞吐量搜索，第一个方案：</translation>
    </message>
    <message>
        <source>throughput search, bound:</source>
        <translation>吞吐量搜索，下界：</translation>
    </message>
    <message>
        <source>throughput search, best %1, bound %2:</source>
        <translation>吞吐量搜索，最佳 %1，下界 %2：</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>当前方案</translation>
    </message>
    <message>
        <source>The plan to compare, %1, cannot be used: %2</source>
        <translation>无法使用要比较的方案 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>%1×%2 tiles</source>
        <translation>%1×%2 分块</translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation>，数据复用</translation>
    </message>
    <message>
        <source>, work stealing</source>
        <translation>，工作窃取</translation>
    </message>
    <message>
        <source>%1 output-channel slices</source>
        <translation>%1 个输出通道切片</translation>
    </message>
    <message>
        <source>%1 input-channel slices</source>
        <translation>%1 个输入通道切片</translation>
    </message>
    <message>
        <source>whole layers</source>
        <translation>整层</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>%1, opset %2</source>
        <translation>%1，opset %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Weights (ro)</source>
        <translation>权重（只读）</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Activations (rw)</source>
        <translation>激活（读写）</translation>
    </message>
    <message>
        <source>%1 peak with buffer reuse, %2 without</source>
        <translation>复用缓冲区时峰值 %1，不复用时 %2</translation>
    </message>
    <message>
        <source>RAM total, one device</source>
        <translation>RAM 总量（单设备）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Operators: %1</source>
        <translation>算子：%1</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), gateway %1.</source>
        <translation>
            <numerusform>%n 个设备，网关为 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation>%1 GMAC/s</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>arch</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>%1 stage(s), %2 tasks.</source>
        <translation>%1 个阶段，%2 个任务。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>split</source>
        <translation>切分</translation>
    </message>
    <message>
        <source>devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Stage %1: tile grid (cells by device, cut positions on the edges)</source>
        <translation>阶段 %1：分块网格（单元格按设备区分，边缘标注切分位置）</translation>
    </message>
    <message>
        <source>Graph (layers tinted by their devices; read the columns left to right)</source>
        <translation>计算图（各层按所在设备着色；按列从左到右阅读）</translation>
    </message>
    <message>
        <source>Memory per device (predicted)</source>
        <translation>各设备内存（预测）</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>overhead</source>
        <translation>开销</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>use</source>
        <translation>占用率</translation>
    </message>
    <message>
        <source>Traffic per link (predicted, one frame)</source>
        <translation>各链路通信量（预测，单帧）</translation>
    </message>
    <message>
        <source>Total %1 per frame; %2 redundant MACs from tile overlap (%3%).</source>
        <translation>每帧共 %1；分块重叠导致 %2 次冗余 MAC（%3%）。</translation>
    </message>
    <message>
        <source>Latency (predicted)</source>
        <translation>延迟（预测）</translation>
    </message>
    <message>
        <source>One frame: %1. A stream of %2 frames submitted at once: %3 frames/s, latency median %4, max %5.</source>
        <translation>单帧：%1。一次性提交 %2 帧的帧流：%3 帧/秒，延迟中位数 %4，最大 %5。</translation>
    </message>
    <message>
        <source>Measured run</source>
        <translation>实测运行</translation>
    </message>
    <message>
        <source>%1 frames, %2 in flight</source>
        <translation>%1 帧，%2 帧在途</translation>
    </message>
    <message>
        <source>, %1 frames/s over %2</source>
        <translation>，%2 内平均 %1 帧/秒</translation>
    </message>
    <message>
        <source>. Predicted one-frame latency: %1.</source>
        <translation>。预测单帧延迟：%1。</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>compute pred.</source>
        <translation>计算（预测）</translation>
    </message>
    <message>
        <source>compute meas.</source>
        <translation>计算（实测）</translation>
    </message>
    <message>
        <source>received pred./meas.</source>
        <translation>接收 预测/实测</translation>
    </message>
    <message>
        <source>sent pred./meas.</source>
        <translation>发送 预测/实测</translation>
    </message>
    <message>
        <source>memory pred.</source>
        <translation>内存（预测）</translation>
    </message>
    <message>
        <source>peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>Optimizer settings</source>
        <translation>优化器设置</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>the devices&apos; memory budgets (Cluster)</source>
        <translation>各设备的内存预算（见“集群”一节）</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) over</source>
        <translation>
            <numerusform>%n 个设备超出</numerusform>
        </translation>
    </message>
    <message>
        <source>stages</source>
        <translation>阶段数</translation>
    </message>
    <message>
        <source>largest device memory</source>
        <translation>最大单设备内存</translation>
    </message>
    <message>
        <source>fits the budgets</source>
        <translation>满足预算</translation>
    </message>
    <message>
        <source>traffic per frame</source>
        <translation>每帧通信量</translation>
    </message>
    <message>
        <source>latency, one frame</source>
        <translation>单帧延迟</translation>
    </message>
    <message>
        <source>throughput, stream</source>
        <translation>吞吐量（帧流）</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 帧/秒</translation>
    </message>
    <message>
        <source>memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <source>Memory per device: %1</source>
        <translation>各设备内存：%1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tessera report: %1</source>
        <translation>Tessera 报告：%1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n device(s)</source>
        <translation>
            <numerusform>%1，共 %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>, compared with %1</source>
        <translation>，与 %1 对比</translation>
    </message>
    <message>
        <source>, with a measured run</source>
        <translation>，含实测运行</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>redundant MACs</source>
        <translation>冗余 MAC</translation>
    </message>
    <message>
        <source>Timeline: %1</source>
        <translation>时间线：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Tessera partition-design workbench</source>
        <translation>Tessera 划分设计工作台</translation>
    </message>
    <message>
        <source>Project to open (.tessera)</source>
        <translation>要打开的项目（.tessera）</translation>
    </message>
    <message>
        <source>Render the main window to FILE (PNG) and exit</source>
        <translation>将主窗口渲染到 FILE（PNG）后退出</translation>
    </message>
    <message>
        <source>Window size for --screenshot</source>
        <translation>--screenshot 使用的窗口大小</translation>
    </message>
    <message>
        <source>Select this layer (by name) before the screenshot</source>
        <translation>截图前选中此层（按名称）</translation>
    </message>
    <message>
        <source>Before the screenshot, run FRAMES frames on the emulated local cluster (Run menu)</source>
        <translation>截图前在本地模拟集群上运行 FRAMES 帧（“运行”菜单）</translation>
    </message>
    <message>
        <source>Write the project&apos;s report to FILE (.pdf, .html, .csv or .json) and exit</source>
        <translation>将项目报告写入 FILE（.pdf、.html、.csv 或 .json）后退出</translation>
    </message>
    <message>
        <source>With --report: the run record of a measured run (tessera cluster-run --record)</source>
        <translation>与 --report 一起使用：实测运行的运行记录（tessera cluster-run --record）</translation>
    </message>
    <message>
        <source>Show the studio in LANGUAGE (%1) instead of the language chosen in Preferences</source>
        <translation>以 LANGUAGE（%1）显示工作台，而不使用“首选项”中选择的语言</translation>
    </message>
    <message>
        <source>With --report: a second plan file (JSON), compared side by side with the project&apos;s plan</source>
        <translation>与 --report 一起使用：第二个方案文件（JSON），与项目的方案并排比较</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AboutDialog</name>
    <message>
        <source>an unknown compiler</source>
        <translation>未知编译器</translation>
    </message>
    <message>
        <source>%1, %2, built against Qt %3</source>
        <translation>%1，%2，基于 Qt %3 构建</translation>
    </message>
    <message>
        <source>About Tessera Studio</source>
        <translation>关于 Tessera Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera Studio %1&lt;/h3&gt;&lt;p&gt;Distributed CNN inference on edge devices: design the partition, check memory and latency before anything runs, deploy and watch the cluster run.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera Studio %1&lt;/h3&gt;&lt;p&gt;边缘设备上的分布式 CNN 推理：设计划分方案，在运行之前检查内存和延迟，然后部署并观察集群运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build: %1</source>
        <translation>构建：%1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the program&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation>复制程序和各库的版本信息，用于错误报告</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChannelSplitEditor</name>
    <message>
        <source>Select a layer of a channel split (in the graph or the layer table) to edit its shares here.</source>
        <translation>选择通道切分中的某一层（在计算图或层表中），即可在此编辑其份额。</translation>
    </message>
    <message>
        <source>%1 is not in a channel split.</source>
        <translation>%1 不在通道切分中。</translation>
    </message>
    <message>
        <source>Channel splits of this plan: %1</source>
        <translation>本方案的通道切分：%1</translation>
    </message>
    <message>
        <source>To split layers by channels, select a range of layers and choose Partition → Split Output Channels (LOP) or Split Input Channels (LIP). A LOP stage followed by a LIP stage cut the same way is a fused pair: nothing is exchanged between them.</source>
        <translation>要按通道切分各层，请选择一段层范围，然后选择“划分 → 按输出通道切分 (LOP)”或“按输入通道切分 (LIP)”。LOP 阶段后面紧跟一个切分方式相同的 LIP 阶段时，二者构成融合对：它们之间不交换任何数据。</translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation>%1 … %2（%3）</translation>
    </message>
    <message>
        <source>LOP</source>
        <translation>LOP</translation>
    </message>
    <message>
        <source>LIP</source>
        <translation>LIP</translation>
    </message>
    <message>
        <source>Equal Shares</source>
        <translation>均分</translation>
    </message>
    <message>
        <source>By Device Speed</source>
        <translation>按设备速度</translation>
    </message>
    <message>
        <source>Reducer</source>
        <translation>归约设备</translation>
    </message>
    <message>
        <source>Keep the pair fused (edit both stages together)</source>
        <translation>保持融合对（同时编辑两个阶段）</translation>
    </message>
    <message>
        <source>Editing either stage of the fused pair moves the other&apos;s cuts and devices too, so nothing has to be exchanged between them</source>
        <translation>编辑融合对中的任一阶段时，另一阶段的切分位置和设备也随之改变，因此二者之间无需交换数据</translation>
    </message>
    <message>
        <source>Give every slice the same number of channels</source>
        <translation>为每个切片分配相同数量的通道</translation>
    </message>
    <message>
        <source>Give every slice channels in proportion to its device&apos;s speed (MAC/s)</source>
        <translation>按各切片所在设备的速度（MAC/s）成比例分配通道</translation>
    </message>
    <message>
        <source>Add a slice on another device; the others give up channels for it</source>
        <translation>在另一个设备上添加切片；其他切片为其让出通道</translation>
    </message>
    <message>
        <source>The device that adds the partial sums (and the bias) and runs the rest of the stage</source>
        <translation>负责累加部分和（及偏置）并运行该阶段其余部分的设备</translation>
    </message>
    <message>
        <source>Add %1 to the channel split of %2</source>
        <translation>将 %1 加入 %2 的通道切分</translation>
    </message>
    <message>
        <source>Equal channel shares for %1</source>
        <translation>均分 %1 的通道</translation>
    </message>
    <message>
        <source>Channel shares by device speed for %1</source>
        <translation>按设备速度分配 %1 的通道</translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation>%1..%2</translation>
    </message>
    <message>
        <source>Change the channel shares of %1</source>
        <translation>更改 %1 的通道份额</translation>
    </message>
    <message>
        <source>The device that computes slice %1</source>
        <translation>计算切片 %1 的设备</translation>
    </message>
    <message>
        <source>The share of slice %1: drag to move channels to or from the other slices</source>
        <translation>切片 %1 的份额：拖动以在此切片与其他切片之间移动通道</translation>
    </message>
    <message>
        <source>The channels of slice %1</source>
        <translation>切片 %1 的通道</translation>
    </message>
    <message>
        <source>Run slice %1 of %2 on %3</source>
        <translation>在 %3 上运行 %2 的切片 %1</translation>
    </message>
    <message>
        <source>Remove %1 from the channel split of %2</source>
        <translation>从 %2 的通道切分中移除 %1</translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation>切片 %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Remove this slice; the others take its channels</source>
        <translation>移除此切片；其通道由其他切片接管</translation>
    </message>
    <message>
        <source>A split needs two slices: to run these layers on one device, place them on it (Partition → Place on Device)</source>
        <translation>切分至少需要两个切片：要在单个设备上运行这些层，请将它们放置到该设备上（划分 → 放置到设备）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layer(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>LOP (output channels)</source>
        <translation>LOP（输出通道）</translation>
    </message>
    <message>
        <source>LIP (input channels)</source>
        <translation>LIP（输入通道）</translation>
    </message>
    <message>
        <source>%1 channels of %2, cut into %3 slices</source>
        <translation>%2 的 %1 个通道，切分为 %3 个切片</translation>
    </message>
    <message numerus="yes">
        <source>(whole planes of %n value(s): the cuts fall between flattened channels)</source>
        <translation>
            <numerusform>（每个通道是含 %n 个值的完整平面：切分位置落在展平后的通道之间）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Device…</source>
        <translation>添加设备…</translation>
    </message>
    <message>
        <source>First slice&apos;s device (%1)</source>
        <translation>第一个切片的设备（%1）</translation>
    </message>
    <message numerus="yes">
        <source>The cuts of this stage do not fit its %n channel(s); split the layers again.</source>
        <translation>
            <numerusform>此阶段的切分位置与其 %n 个通道不符；请重新切分这些层。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation>方案无法编译：%1</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Fused with the LIP stage %1 after it: every device&apos;s output slice is its input slice there, so nothing is exchanged between the two.</source>
        <translation>与其后的 LIP 阶段 %1 融合：每个设备的输出切片就是它在该阶段的输入切片，因此二者之间不交换任何数据。</translation>
    </message>
    <message>
        <source>Fused with the LOP stage %1 before it: every device&apos;s input slice is its output slice there, so nothing is exchanged between the two.</source>
        <translation>与其前的 LOP 阶段 %1 融合：每个设备的输入切片就是它在该阶段的输出切片，因此二者之间不交换任何数据。</translation>
    </message>
    <message>
        <source>The LIP stage %1 after it reads this output but is cut differently: the slices are exchanged between the devices.</source>
        <translation>其后的 LIP 阶段 %1 读取此输出，但切分方式不同：切片需要在设备之间交换。</translation>
    </message>
    <message>
        <source>The LOP stage %1 before it writes this input but is cut differently: the slices are exchanged between the devices.</source>
        <translation>其前的 LOP 阶段 %1 写入此输入，但切分方式不同：切片需要在设备之间交换。</translation>
    </message>
    <message>
        <source>Match the Next LIP Stage</source>
        <translation>匹配下一个 LIP 阶段</translation>
    </message>
    <message>
        <source>Match the Previous LOP Stage</source>
        <translation>匹配上一个 LOP 阶段</translation>
    </message>
    <message>
        <source>Cut the LIP stage as the LOP stage, on the same devices: the pair fuses</source>
        <translation>按 LOP 阶段的方式在相同设备上切分 LIP 阶段：二者即可融合</translation>
    </message>
</context>
<context>
    <name>tessera::ui::Commands</name>
    <message>
        <source>Add device %1</source>
        <translation>添加设备 %1</translation>
    </message>
    <message>
        <source>Edit device %1</source>
        <translation>编辑设备 %1</translation>
    </message>
    <message>
        <source>Remove device %1</source>
        <translation>移除设备 %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceDialog</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>address for deployment (optional for planning)</source>
        <translation>部署用地址（仅做规划时可不填）</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> GMAC/s</source>
        <translation> GMAC/s</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Memory budget:</source>
        <translation>内存预算(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Speed (conv/GEMM):</source>
        <translation>速度（conv/GEMM）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Link bandwidth:</source>
        <translation>链路带宽(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DevicePanel</name>
    <message>
        <source>Raspberry Pi 3 Model B</source>
        <translation>Raspberry Pi 3 Model B</translation>
    </message>
    <message>
        <source>Raspberry Pi 4 (4 GB)</source>
        <translation>Raspberry Pi 4 (4 GB)</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 (8 GB)</source>
        <translation>Raspberry Pi 5 (8 GB)</translation>
    </message>
    <message>
        <source>Jetson Nano (CPU)</source>
        <translation>Jetson Nano (CPU)</translation>
    </message>
    <message>
        <source>Emulated device (¼ core, 100 Mbit/s)</source>
        <translation>模拟设备（¼ 核，100 Mbit/s）</translation>
    </message>
    <message>
        <source>Custom device…</source>
        <translation>自定义设备…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a device from a board preset or a custom one</source>
        <translation>从开发板预设添加设备，或添加自定义设备</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Probe &amp;Selected Devices</source>
        <translation>探测所选设备(&amp;S)</translation>
    </message>
    <message>
        <source>Probe &amp;All Devices</source>
        <translation>探测全部设备(&amp;A)</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Connect to the selected devices (all when none is selected) and ask their architecture, OS, memory and tessera-node: over SSH for devices with an SSH block, on this machine for the emulated ones</source>
        <translation>连接所选设备（未选择时为全部设备），查询其架构、操作系统、内存和 tessera-node：带 SSH 配置块的设备通过 SSH 查询，模拟设备在本机查询</translation>
    </message>
    <message>
        <source>Unknown Host Key</source>
        <translation>未知主机密钥</translation>
    </message>
    <message>
        <source>%1 presents a host key that is not in known_hosts:

%2 %3

Compare it with the device&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device). Trust this key and add it to known_hosts?</source>
        <translation>%1 提供的主机密钥不在 known_hosts 中：

%2 %3

请将其与设备自身的密钥比对（在设备上运行 ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）。是否信任此密钥并将其加入 known_hosts？</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>Host Key Changed</source>
        <translation>主机密钥已更改</translation>
    </message>
    <message>
        <source>There is already a device named %1.</source>
        <translation>已存在名为 %1 的设备。</translation>
    </message>
    <message>
        <source>A cluster needs at least one device.</source>
        <translation>集群至少需要一个设备。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running probe: devices that have not answered yet go back to Unknown, without waiting for their connections to time out</source>
        <translation>停止正在进行的探测：尚未应答的设备恢复为“未知”，无需等待其连接超时</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceProber</name>
    <message>
        <source>unknown OS</source>
        <translation>未知操作系统</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %1, %2, %n CPUs, %3</source>
        <translation>
            <numerusform>就绪：%1，%2，%n 个 CPU，%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Runs on this machine (no &quot;ssh&quot; block: emulated or local)</source>
        <translation>在本机运行（无 &quot;ssh&quot; 配置块：模拟或本地设备）</translation>
    </message>
    <message>
        <source>Reached over SSH</source>
        <translation>通过 SSH 连接</translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation>架构：%1</translation>
    </message>
    <message>
        <source>Operating system: %1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPU 数：%1</translation>
    </message>
    <message>
        <source>Memory: %1 (%2 available)</source>
        <translation>内存：%1（可用 %2）</translation>
    </message>
    <message>
        <source>Disk free: %1</source>
        <translation>磁盘可用空间：%1</translation>
    </message>
    <message>
        <source>tessera-node: not installed</source>
        <translation>tessera-node：未安装</translation>
    </message>
    <message>
        <source>tessera-node: %1</source>
        <translation>tessera-node：%1</translation>
    </message>
    <message>
        <source>Host key: %1</source>
        <translation>主机密钥：%1</translation>
    </message>
    <message>
        <source>The host key %1 was not trusted: not connected (the known_hosts file is unchanged)</source>
        <translation>未信任主机密钥 %1：未连接（known_hosts 文件未改动）</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceStrip</name>
    <message numerus="yes">
        <source>%1 · %n tile(s)</source>
        <translation>
            <numerusform>%1 · %n 个分块</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceTableModel</name>
    <message>
        <source>Not probed yet: Probe connects to the device and asks what it is</source>
        <translation>尚未探测：“探测”会连接设备并查询其配置</translation>
    </message>
    <message>
        <source>Drop layers here to run them whole on %1, or a tile of the tile editor to run it there; drag the device onto a tile to run that tile on it</source>
        <translation>将层拖放到此处即可在 %1 上整层运行，拖入分块编辑器中的分块即可在此设备上运行该分块；也可将设备拖到某个分块上，让该分块在此设备上运行</translation>
    </message>
    <message>
        <source>%1 (gateway)</source>
        <translation>%1（网关）</translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation>%1 GMAC/s</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FrameInputs</name>
    <message>
        <source>The model has %1 inputs; an image folder can feed a model with one image input. Use generated input.</source>
        <translation>该模型有 %1 个输入；图像文件夹只能为仅有一个图像输入的模型提供数据。请使用生成的输入。</translation>
    </message>
    <message>
        <source>The model has %1 inputs; a video can feed a model with one image input. Use generated input.</source>
        <translation>该模型有 %1 个输入；视频只能为仅有一个图像输入的模型提供数据。请使用生成的输入。</translation>
    </message>
    <message>
        <source>The model&apos;s input &apos;%1&apos; has shape %2; images and video frames can feed Nx3xHxW or Nx1xHxW inputs. Use generated input.</source>
        <translation>模型输入 &apos;%1&apos; 的形状为 %2；图像和视频帧只能用于 Nx3xHxW 或 Nx1xHxW 形状的输入。请使用生成的输入。</translation>
    </message>
    <message>
        <source>The image folder &apos;%1&apos; does not exist: choose a folder of images.</source>
        <translation>图像文件夹 &apos;%1&apos; 不存在：请选择一个图像文件夹。</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; holds no image Qt can read (PNG, JPEG, BMP, ...): choose a folder of images.</source>
        <translation>文件夹 &apos;%1&apos; 中没有 Qt 可读取的图像（PNG、JPEG、BMP 等）：请选择一个图像文件夹。</translation>
    </message>
    <message>
        <source>%1: cannot read the image (%2)</source>
        <translation>%1：无法读取图像（%2）</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FuseDialog</name>
    <message>
        <source>&amp;Data reuse (odd tiles fetch border strips instead of recomputing them)</source>
        <translation>数据复用(&amp;D)（奇数分块获取边界条带，而不是重新计算）</translation>
    </message>
    <message>
        <source>&amp;Work stealing (idle devices take pending tiles)</source>
        <translation>工作窃取(&amp;W)（空闲设备接手待处理的分块）</translation>
    </message>
    <message>
        <source>Fuse as Tile Block</source>
        <translation>融合为分块组</translation>
    </message>
    <message>
        <source>Layers %1 run as one fused block: each device computes whole tiles of the block&apos;s output through every layer, without exchanging data inside the block.</source>
        <translation>层 %1 作为一个融合块运行：每个设备逐层计算出该块输出中的完整分块，块内无需交换数据。</translation>
    </message>
    <message>
        <source>&amp;Grid (rows × columns):</source>
        <translation>网格（行 × 列）(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTable</name>
    <message>
        <source>Filter layers (name, op, scheme, device)…</source>
        <translation>筛选层（名称、算子、划分方式、设备）…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>划分方式</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Tile Editor</source>
        <translation>分块编辑器</translation>
    </message>
    <message>
        <source>Channel Split</source>
        <translation>通道切分</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;打开的项目&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>%1[*] — Tessera Studio</source>
        <translation>%1[*] — Tessera Studio</translation>
    </message>
    <message>
        <source>Tessera Studio</source>
        <translation>Tessera Studio</translation>
    </message>
    <message>
        <source>%1: %2 layers, %3 MACs, %4 params</source>
        <translation>%1：%2 层，%3 MACs，%4 参数</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;plan not valid&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b01c1c&apos;&gt;方案无效&lt;/span&gt;</translation>
    </message>
    <message>
        <source>all devices within budget</source>
        <translation>所有设备均在预算内</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n device(s) over budget&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n 个设备超出预算&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>latency %1 · traffic %2 · %3</source>
        <translation>延迟 %1 · 通信量 %2 · %3</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <source>%1 has unsaved changes from a session that did not end normally. Recover them?</source>
        <translation>%1 有来自一个未正常结束的会话的未保存更改。是否恢复？</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Recover unsaved project?</source>
        <translation>恢复未保存的项目？</translation>
    </message>
    <message>
        <source>An untitled project was not saved when the last session ended. Recover it?</source>
        <translation>上次会话结束时，有一个未命名项目尚未保存。是否恢复？</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera);;All files (*)</source>
        <translation>Tessera 项目 (*.tessera);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Project from a Model</source>
        <translation>从模型新建项目</translation>
    </message>
    <message>
        <source>Models (*.onnx *.cfg);;All files (*)</source>
        <translation>模型 (*.onnx *.cfg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera)</source>
        <translation>Tessera 项目 (*.tessera)</translation>
    </message>
    <message>
        <source>%1: the report&apos;s format comes from the extension: .html, .pdf, .csv or .json</source>
        <translation>%1：报告格式由扩展名决定：.html、.pdf、.csv 或 .json</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Exported the report to %1</source>
        <translation>报告已导出到 %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>&amp;New Project from Model…</source>
        <translation>从模型新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Sample Project</source>
        <translation>打开示例项目(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find Layer…</source>
        <translation>查找层(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Fuse as Tile Block…</source>
        <translation>融合为分块组(&amp;F)…</translation>
    </message>
    <message>
        <source>Fuse as Tiles…</source>
        <translation>融合分块…</translation>
    </message>
    <message>
        <source>Run the selected layer range as one fused block cut into tiles (FTP)</source>
        <translation>将所选层范围作为一个融合块运行，并将其切分为分块（FTP）</translation>
    </message>
    <message>
        <source>Split &amp;Output Channels (LOP)</source>
        <translation>按输出通道切分 (LOP)(&amp;O)</translation>
    </message>
    <message>
        <source>Each device computes a share of the output channels from the whole input</source>
        <translation>每个设备根据完整输入计算一部分输出通道</translation>
    </message>
    <message>
        <source>Split &amp;Input Channels (LIP)</source>
        <translation>按输入通道切分 (LIP)(&amp;I)</translation>
    </message>
    <message>
        <source>Each device computes a partial sum from a share of the input channels; the gateway adds them</source>
        <translation>每个设备根据一部分输入通道计算部分和；由网关将它们相加</translation>
    </message>
    <message>
        <source>&amp;Reset Plan (Whole Model on Gateway)</source>
        <translation>重置方案（整个模型在网关上运行）(&amp;R)</translation>
    </message>
    <message>
        <source>Reset Plan</source>
        <translation>重置方案</translation>
    </message>
    <message>
        <source>Run the whole model on the gateway again</source>
        <translation>重新在网关上运行整个模型</translation>
    </message>
    <message>
        <source>&amp;Optimize…</source>
        <translation>优化(&amp;O)…</translation>
    </message>
    <message>
        <source>Find the plan that minimises latency, traffic or memory under the devices&apos; budgets</source>
        <translation>在各设备的预算内寻找延迟、通信量或内存最小的方案</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>计算图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Op Categories</source>
        <translation>算子类别</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>&amp;About Tessera Studio</source>
        <translation>关于 Tessera Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New Project from Model &amp;Zoo</source>
        <translation>从模型库新建项目(&amp;Z)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Partition</source>
        <translation>划分(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Place on Device</source>
        <translation>放置到设备(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colour Layers By</source>
        <translation>层着色依据(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Colour layers by op category or by a cost (heat)</source>
        <translation>按算子类别或按开销（热度）为层着色</translation>
    </message>
    <message>
        <source>Find layer (Ctrl+F)</source>
        <translation>查找层（Ctrl+F）</translation>
    </message>
    <message>
        <source>No layer matches &quot;%1&quot;</source>
        <translation>没有与“%1”匹配的层</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Optimized plan applied (Ctrl+Z undoes it)</source>
        <translation>已应用优化后的方案（按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run on &amp;Emulated Cluster</source>
        <translation>在模拟集群上运行(&amp;E)</translation>
    </message>
    <message>
        <source>Start one tessera-node per device on this machine and stream frames through the plan, with live charts</source>
        <translation>在本机为每个设备启动一个 tessera-node，按方案持续输送帧，并显示实时图表</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>运行(&amp;R)…</translation>
    </message>
    <message>
        <source>The Run panel: target, input, frames</source>
        <translation>“运行”面板：目标、输入、帧数</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Deploy to Devices</source>
        <translation>部署到设备(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the plan and tessera-node to the project&apos;s devices over SSH, with per-device progress, without starting them</source>
        <translation>通过 SSH 将方案和 tessera-node 复制到项目的设备上，显示各设备进度，但不启动它们</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MemoryChart</name>
    <message>
        <source>Memory per device</source>
        <translation>各设备内存</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeDialog</name>
    <message>
        <source>Pareto front against the largest device memory</source>
        <translation>相对最大单设备内存的帕累托前沿</translation>
    </message>
    <message>
        <source>Data reuse in tile blocks</source>
        <translation>分块组中的数据复用</translation>
    </message>
    <message>
        <source>Channel splits (LOP, LIP)</source>
        <translation>通道切分（LOP、LIP）</translation>
    </message>
    <message>
        <source>&amp;Optimize</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>取消搜索</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Optimize the Plan</source>
        <translation>优化方案</translation>
    </message>
    <message>
        <source>Latency (predicted, one frame)</source>
        <translation>延迟（预测，单帧）</translation>
    </message>
    <message>
        <source>Traffic (bytes exchanged)</source>
        <translation>通信量（交换的字节数）</translation>
    </message>
    <message>
        <source>Memory (largest device)</source>
        <translation>内存（最大单设备）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Square tile grids to consider, e.g. 2, 3, 4, 5 (2 means 2x2)</source>
        <translation>要考虑的方形分块网格，例如 2, 3, 4, 5（2 表示 2x2）</translation>
    </message>
    <message>
        <source>Objective and search</source>
        <translation>目标与搜索</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时间限制：</translation>
    </message>
    <message>
        <source>points:</source>
        <translation>点数：</translation>
    </message>
    <message>
        <source>Tile grids:</source>
        <translation>分块网格：</translation>
    </message>
    <message>
        <source>Deepest tile block:</source>
        <translation>分块组最大层数：</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory budgets</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Choose what to minimise and press Optimize. The current plan stays until you apply a result.</source>
        <translation>选择要最小化的目标，然后点击“优化”。在应用结果之前，当前方案保持不变。</translation>
    </message>
    <message>
        <source>Optimized</source>
        <translation>优化结果</translation>
    </message>
    <message>
        <source>Current plan</source>
        <translation>当前方案</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>当前显示</translation>
    </message>
    <message>
        <source>Stages of the result:</source>
        <translation>结果的各个阶段：</translation>
    </message>
    <message>
        <source>Tile grids: &quot;%1&quot; is not a grid size from 1 to 32; write sizes separated by commas, e.g. 2, 3, 4, 5</source>
        <translation>分块网格：&quot;%1&quot; 不是 1 到 32 之间的网格尺寸；请用逗号分隔各尺寸，例如 2, 3, 4, 5</translation>
    </message>
    <message>
        <source>Measuring the candidate stages…</source>
        <translation>正在测算候选阶段…</translation>
    </message>
    <message>
        <source>Stopping; the best plan found so far is kept…</source>
        <translation>正在停止；将保留目前找到的最佳方案…</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</source>
        <translation>
            <numerusform>帕累托前沿上有 %n 个方案，%1 个候选阶段，%2 秒；点击某个点即可对比</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 candidate stages, %4 s</source>
        <translation>%1：%2，%3 个候选阶段，%4 秒</translation>
    </message>
    <message>
        <source>Apply optimized plan (%1)</source>
        <translation>应用优化后的方案（%1）</translation>
    </message>
    <message>
        <source>Traffic against memory</source>
        <translation>通信量与内存</translation>
    </message>
    <message>
        <source>Latency against memory</source>
        <translation>延迟与内存</translation>
    </message>
    <message>
        <source>Largest device memory (MiB)</source>
        <translation>最大单设备内存（MiB）</translation>
    </message>
    <message>
        <source>Traffic per frame (MiB)</source>
        <translation>每帧通信量（MiB）</translation>
    </message>
    <message>
        <source>Latency, one frame (ms)</source>
        <translation>单帧延迟（ms）</translation>
    </message>
    <message>
        <source>Point %1 of %2</source>
        <translation>第 %1 点（共 %2 个）</translation>
    </message>
    <message>
        <source>Largest device memory</source>
        <translation>最大单设备内存</translation>
    </message>
    <message>
        <source>Traffic per frame</source>
        <translation>每帧通信量</translation>
    </message>
    <message>
        <source>Latency, one frame</source>
        <translation>单帧延迟</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Memory on %1</source>
        <translation>%1 上的内存</translation>
    </message>
    <message>
        <source>does not compile</source>
        <translation>无法编译</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation>超出预算 %1</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>整层</translation>
    </message>
    <message>
        <source>%1×%2 tiles%3</source>
        <translation>%1×%2 分块%3</translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation>，数据复用</translation>
    </message>
    <message>
        <source>output channels split in %1</source>
        <translation>输出通道切分为 %1 份</translation>
    </message>
    <message>
        <source>input channels split in %1</source>
        <translation>输入通道切分为 %1 份</translation>
    </message>
    <message numerus="yes">
        <source>all %n devices</source>
        <translation>
            <numerusform>全部 %n 个设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3 (%n node(s))</source>
        <translation>
            <numerusform>%1：%2，运行于 %3（%n 个节点）</numerusform>
        </translation>
    </message>
    <message>
        <source>Throughput (frames per second, pipelined)</source>
        <translation>吞吐量（流水线，每秒帧数）</translation>
    </message>
    <message>
        <source>Optimise:</source>
        <translation>优化：</translation>
    </message>
    <message>
        <source>The Pareto front sets latency, traffic or throughput against memory</source>
        <translation>帕累托前沿将延迟、流量或吞吐量与内存对比</translation>
    </message>
    <message>
        <source>Throughput against memory</source>
        <translation>吞吐量与内存</translation>
    </message>
    <message>
        <source>Throughput, pipelined (frames/s)</source>
        <translation>流水线吞吐量（帧/秒）</translation>
    </message>
    <message>
        <source>Throughput, pipelined</source>
        <translation>流水线吞吐量</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 帧/秒</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeJob</name>
    <message>
        <source>searching</source>
        <translation>正在搜索</translation>
    </message>
    <message>
        <source>GLPK integer program</source>
        <translation>GLPK 整数规划</translation>
    </message>
    <message>
        <source>dynamic program</source>
        <translation>动态规划</translation>
    </message>
    <message>
        <source> (%1 solves: budgets lowered to leave room for buffers)</source>
        <translation>（求解 %1 次：降低预算以给缓冲区留出空间）</translation>
    </message>
    <message>
        <source>predicting the plans</source>
        <translation>正在预测方案</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PartitionEditor</name>
    <message>
        <source>Cannot fuse these layers: %1</source>
        <translation>无法融合这些层：%1</translation>
    </message>
    <message>
        <source>Fuse %1..%2 as %3x%4 tiles</source>
        <translation>将 %1..%2 融合为 %3x%4 分块</translation>
    </message>
    <message>
        <source>Cannot place these layers: %1</source>
        <translation>无法放置这些层：%1</translation>
    </message>
    <message>
        <source>Place %1..%2 on %3</source>
        <translation>将 %1..%2 放置到 %3</translation>
    </message>
    <message>
        <source>Cannot split these layers by channels: %1</source>
        <translation>无法按通道切分这些层：%1</translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation>%1..%2</translation>
    </message>
    <message>
        <source>Split output channels of %1</source>
        <translation>按输出通道切分 %1</translation>
    </message>
    <message>
        <source>Split input channels of %1</source>
        <translation>按输入通道切分 %1</translation>
    </message>
    <message>
        <source>Select the layers to split first (in the graph or the layer table).</source>
        <translation>请先选择要切分的层（在计算图或层表中）。</translation>
    </message>
    <message>
        <source>Select the layers to fuse first (in the graph or the layer table).</source>
        <translation>请先选择要融合的层（在计算图或层表中）。</translation>
    </message>
    <message>
        <source>Select the layers to place first (in the graph or the layer table).</source>
        <translation>请先选择要放置的层（在计算图或层表中）。</translation>
    </message>
    <message>
        <source>Reset the plan</source>
        <translation>重置方案</translation>
    </message>
    <message>
        <source>This layer is not part of a tile block: fuse a layer range first.</source>
        <translation>该层不属于任何分块组：请先融合一段层范围。</translation>
    </message>
    <message>
        <source>Cannot change the tile block: %1</source>
        <translation>无法修改分块组：%1</translation>
    </message>
    <message>
        <source>Move the cut lines of %1</source>
        <translation>移动 %1 的切分线</translation>
    </message>
    <message>
        <source>A %1x%2 output cannot be cut into %3x%4 tiles: a tile needs at least one row and one column.</source>
        <translation>%1x%2 的输出无法切分为 %3x%4 个分块：每个分块至少需要一行和一列。</translation>
    </message>
    <message>
        <source>Cut %1 into %2x%3 tiles</source>
        <translation>将 %1 切分为 %2x%3 个分块</translation>
    </message>
    <message>
        <source>Set data reuse %1, work stealing %2 for %3</source>
        <translation>将 %3 的数据复用设为%1，工作窃取设为%2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>There is no device #%1 in the cluster (it has %n device(s)).</source>
        <translation>
            <numerusform>集群中没有设备 #%1（集群共有 %n 个设备）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no tile %1 in this block (it has %n tile(s)).</source>
        <translation>
            <numerusform>此块中没有分块 %1（此块共有 %n 个分块）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run tile %1 of %2 on %3</source>
        <translation>在 %3 上运行 %2 的分块 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>This layer is not part of a channel split: split a layer range by channels first.</source>
        <translation>该层不属于任何通道切分：请先按通道切分一段层范围。</translation>
    </message>
    <message>
        <source>Cannot change the channel split</source>
        <translation>无法修改通道切分</translation>
    </message>
    <message>
        <source>Cut %1 as the LOP stage before it</source>
        <translation>按其前的 LOP 阶段切分 %1</translation>
    </message>
    <message>
        <source>Cannot fuse the LOP and LIP stages</source>
        <translation>无法融合 LOP 阶段和 LIP 阶段</translation>
    </message>
    <message>
        <source>Only a LIP stage (a split by input channels) has a reducer.</source>
        <translation>只有 LIP 阶段（按输入通道切分）才有归约设备。</translation>
    </message>
    <message>
        <source>Reduce %1 on its first slice&apos;s device</source>
        <translation>在 %1 第一个切片所在的设备上归约</translation>
    </message>
    <message>
        <source>Reduce %1 on %2</source>
        <translation>在 %2 上归约 %1</translation>
    </message>
    <message>
        <source>Cannot change the reducer</source>
        <translation>无法更改归约设备</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PredictionPanel</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Memory / budget</source>
        <translation>内存 / 预算</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The plan is not valid&lt;/b&gt;; nothing can be predicted until it is fixed.</source>
        <translation>&lt;b&gt;方案无效&lt;/b&gt;；修复之前无法进行任何预测。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Latency (one frame):</source>
        <translation>延迟（单帧）：</translation>
    </message>
    <message>
        <source>Traffic per frame:</source>
        <translation>每帧通信量：</translation>
    </message>
    <message>
        <source>Redundant work (tile overlap):</source>
        <translation>冗余计算（分块重叠）：</translation>
    </message>
    <message>
        <source>Stages / tasks:</source>
        <translation>阶段 / 任务：</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Throughput, pipelined:</source>
        <translation>流水线吞吐量：</translation>
    </message>
    <message>
        <source>at most %1 frames/s</source>
        <translation>最多 %1 帧/秒</translation>
    </message>
    <message>
        <source>A stream of frames pipelined through the plan: one frame per %1, the busiest device&apos;s CPU or link per frame</source>
        <translation>按流水线通过该方案的帧流：每 %1 一帧，即最繁忙设备的 CPU 或链路每帧所需时间</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Binary (KiB, MiB, GiB: powers of 1024)</source>
        <translation>二进制（KiB、MiB、GiB：1024 的幂）</translation>
    </message>
    <message>
        <source>Decimal (kB, MB, GB: powers of 1000)</source>
        <translation>十进制（kB、MB、GB：1000 的幂）</translation>
    </message>
    <message>
        <source>How sizes are shown in every view; the command line always prints binary units</source>
        <translation>所有视图中大小的显示方式；命令行始终使用二进制单位</translation>
    </message>
    <message>
        <source>Size &amp;units:</source>
        <translation>大小单位(&amp;U)：</translation>
    </message>
    <message>
        <source>the file dialog&apos;s default</source>
        <translation>文件对话框的默认位置</translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation>模型文件夹(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Projects folder:</source>
        <translation>项目文件夹(&amp;P)：</translation>
    </message>
    <message>
        <source>beside tessera-studio</source>
        <translation>与 tessera-studio 同目录</translation>
    </message>
    <message>
        <source>The folder holding the tessera-node that Run starts on this machine and copies to the devices (an aarch64 build is looked for in ../aarch64/bin)</source>
        <translation>存放 tessera-node 的文件夹，“运行”会在本机启动它并将其复制到各设备（aarch64 版本在 ../aarch64/bin 中查找）</translation>
    </message>
    <message>
        <source>tessera-&amp;node folder:</source>
        <translation>tessera-node 文件夹(&amp;N)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often unsaved changes are written to a side file for crash recovery</source>
        <translation>将未保存的更改写入备份文件（用于崩溃恢复）的频率</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>System: the language of the desktop when Tessera Studio has it, else English</source>
        <translation>跟随系统：若 Tessera Studio 提供桌面所用的语言则使用该语言，否则使用英语</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is shown when Tessera Studio starts again.</source>
        <translation>新的语言将在 Tessera Studio 下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectDocument</name>
    <message>
        <source>unknown key &quot;%1&quot; (valid keys: %2)</source>
        <translation>未知的键 &quot;%1&quot;（有效的键：%2）</translation>
    </message>
    <message>
        <source>not valid JSON (byte %1): %2</source>
        <translation>不是有效的 JSON（第 %1 字节）：%2</translation>
    </message>
    <message>
        <source>not a Tessera project (expected a JSON object)</source>
        <translation>不是 Tessera 项目（应为 JSON 对象）</translation>
    </message>
    <message>
        <source>not a Tessera project (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation>不是 Tessera 项目（&quot;format&quot; 必须为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1</source>
        <translation>&quot;version&quot; 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>written by a newer Tessera (project format version %1; this version reads up to %2) — update Tessera</source>
        <translation>由更新版本的 Tessera 写入（项目格式版本 %1；本版本最高只能读取 %2）——请更新 Tessera</translation>
    </message>
    <message>
        <source>model: give either &quot;zoo&quot; (a model of the zoo, e.g. &quot;yolov2-608&quot;) or &quot;path&quot; (a model file)</source>
        <translation>model：请给出 &quot;zoo&quot;（模型库中的模型，例如 &quot;yolov2-608&quot;）或 &quot;path&quot;（模型文件）之一</translation>
    </message>
    <message>
        <source>cluster: required, a cluster as in a cluster file (docs/file-formats.md)</source>
        <translation>cluster：必填，格式与集群文件相同（docs/file-formats.md）</translation>
    </message>
    <message>
        <source>plan: expected a plan as in a plan file (docs/file-formats.md)</source>
        <translation>plan：应为与方案文件格式相同的方案（docs/file-formats.md）</translation>
    </message>
    <message>
        <source>solver.time_limit: expected a positive number of seconds</source>
        <translation>solver.time_limit：应为正的秒数</translation>
    </message>
    <message>
        <source>solver.objective: &quot;%1&quot; is not one of memory, traffic, latency, throughput</source>
        <translation>solver.objective：&quot;%1&quot; 不是 memory、traffic、latency、throughput 之一</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectModel</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>The model file %1 changed since the project was saved (its SHA-256 differs).</source>
        <translation>自项目保存以来，模型文件 %1 已被更改（其 SHA-256 不同）。</translation>
    </message>
    <message>
        <source>There is no project to save.</source>
        <translation>没有可保存的项目。</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PropertiesPanel</name>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;Select a layer in the graph or the table to see its properties.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;在计算图或表格中选择一个层以查看其属性。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1 selected: %2 … %3</source>
        <translation>已选 %1 层：%2 … %3</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>[%1 values]</source>
        <translation>[%1 个值]</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReportExportDialog</name>
    <message>
        <source>&amp;Compare with a second plan</source>
        <translation>与第二个方案比较(&amp;C)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML 页面</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>CSV tables</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>plan.json</source>
        <translation>plan.json</translation>
    </message>
    <message>
        <source>Put a second plan beside the project&apos;s: stages, memory, traffic, latency and throughput of both, as tessera report --compare does</source>
        <translation>将第二个方案与项目的方案并列：两者的阶段、内存、流量、延迟和吞吐量，与 tessera report --compare 相同</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Plan file:</source>
        <translation>方案文件(&amp;P)：</translation>
    </message>
    <message>
        <source>A plan file (JSON) for this project&apos;s model and cluster, as tessera plan or tessera optimize writes it. The report compares it with the project&apos;s plan.</source>
        <translation>针对本项目模型和集群的方案文件（JSON），由 tessera plan 或 tessera optimize 写出。报告将其与项目的方案进行比较。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Plan to Compare</source>
        <translation>要比较的方案</translation>
    </message>
    <message>
        <source>Plan files (*.json);;All files (*)</source>
        <translation>方案文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunCharts</name>
    <message>
        <source>Peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Latency per frame (end to end) and compute per device</source>
        <translation>每帧延迟（端到端）与各设备计算时间</translation>
    </message>
    <message>
        <source>s since start</source>
        <translation>自开始以来的秒数</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>End to end</source>
        <translation>端到端</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>frames/s</source>
        <translation>帧/秒</translation>
    </message>
    <message>
        <source>Frames/s (last %1 frames)</source>
        <translation>帧/秒（最近 %1 帧）</translation>
    </message>
    <message>
        <source>Peak memory per device</source>
        <translation>各设备峰值内存</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunJob</name>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Starting the emulated cluster</source>
        <translation>正在启动模拟集群</translation>
    </message>
    <message>
        <source>Writing the bundles</source>
        <translation>正在写入部署包</translation>
    </message>
    <message>
        <source>Waiting until every node serves</source>
        <translation>正在等待所有节点开始服务</translation>
    </message>
    <message>
        <source>serving (pid %1)</source>
        <translation>服务中（pid %1）</translation>
    </message>
    <message>
        <source>loading (pid %1)</source>
        <translation>加载中（pid %1）</translation>
    </message>
    <message>
        <source>%1 of %2 devices cannot be reached over SSH: %3. Give every device a host and an &quot;ssh&quot; block in the project&apos;s cluster (docs/file-formats.md), or run on the emulated local cluster.</source>
        <translation>%2 个设备中有 %1 个无法通过 SSH 连接：%3。请在项目的集群中为每个设备设置主机和 &quot;ssh&quot; 块（docs/file-formats.md），或改为在本地模拟集群上运行。</translation>
    </message>
    <message>
        <source>Deploying to %1 devices</source>
        <translation>正在部署到 %1 个设备</translation>
    </message>
    <message>
        <source>Deploying failed on %1 devices: %2</source>
        <translation>%1 个设备部署失败：%2</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Starting the nodes failed: %1</source>
        <translation>启动节点失败：%1</translation>
    </message>
    <message>
        <source>Running %1 frames</source>
        <translation>正在运行 %1 帧</translation>
    </message>
    <message>
        <source>Running until stopped</source>
        <translation>持续运行，直到停止</translation>
    </message>
    <message>
        <source>The gateway refused the telemetry subscription (keys differ)</source>
        <translation>网关拒绝了遥测订阅（密钥不一致）</translation>
    </message>
    <message>
        <source>Open a project with a model and at least one device first.</source>
        <translation>请先打开一个包含模型且至少有一个设备的项目。</translation>
    </message>
    <message>
        <source>Compiling the plan</source>
        <translation>正在编译方案</translation>
    </message>
    <message>
        <source>Stopping the nodes</source>
        <translation>正在停止节点</translation>
    </message>
    <message>
        <source>deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>Deploy sends the plan to the project&apos;s devices over SSH: choose them as the target (the emulated cluster runs from this machine&apos;s files).</source>
        <translation>部署会通过 SSH 将方案发送到项目的设备：请选择这些设备作为目标（模拟集群直接使用本机的文件运行）。</translation>
    </message>
    <message>
        <source>Deploying was stopped: a device that had not finished keeps its previous release.</source>
        <translation>部署已停止：尚未完成的设备保留其先前的版本。</translation>
    </message>
    <message>
        <source>Measuring this machine&apos;s speed per core</source>
        <translation>正在测量本机每个核心的速度</translation>
    </message>
    <message>
        <source>no free subnet in 10.201.0.0/16 for the devices&apos; bridge</source>
        <translation>10.201.0.0/16 中没有可供设备网桥使用的空闲子网</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunPanel</name>
    <message>
        <source>Until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Emulated local cluster</source>
        <translation>本地模拟集群</translation>
    </message>
    <message>
        <source>The project&apos;s devices (SSH)</source>
        <translation>项目中的设备（SSH）</translation>
    </message>
    <message>
        <source>Generated input</source>
        <translation>生成的输入</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Frames at the gateway at once (pipelining)</source>
        <translation>网关上同时处理的帧数（流水线）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>在途帧数</translation>
    </message>
    <message>
        <source>Video File</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;All files (*)</source>
        <translation>视频 (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Image Folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Video file (MP4, MKV, AVI, ...)</source>
        <translation>视频文件（MP4、MKV、AVI 等）</translation>
    </message>
    <message>
        <source>Folder of images (PNG, JPEG, ...)</source>
        <translation>图像文件夹（PNG、JPEG 等）</translation>
    </message>
    <message>
        <source>Choose the video file</source>
        <translation>选择视频文件</translation>
    </message>
    <message>
        <source>Choose the image folder</source>
        <translation>选择图像文件夹</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), median latency %1 ms, %2 frames/s</source>
        <translation>
            <numerusform>%n 帧，延迟中位数 %1 ms，%2 帧/秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n frame(s); the nodes are stopped.</source>
        <translation>
            <numerusform>已完成：%n 帧；节点已停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Copy the plan&apos;s bundles and tessera-node to every device over SSH, with per-device progress, and start nothing (the project&apos;s devices only)</source>
        <translation>通过 SSH 将方案的部署包和 tessera-node 复制到每个设备，显示各设备进度，不启动任何节点（仅限项目的设备）</translation>
    </message>
    <message>
        <source>Deploy is for the project&apos;s devices: choose them under Run on.</source>
        <translation>部署仅适用于项目的设备：请在“运行于”中选择它们。</translation>
    </message>
    <message numerus="yes">
        <source>Deployed to %n device(s); Run starts them.</source>
        <translation>
            <numerusform>已部署到 %n 个设备；运行时将启动它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploying failed: %1</source>
        <translation>部署失败：%1</translation>
    </message>
    <message>
        <source>Emulated: one tessera-node process per device on this machine, as root each in a network namespace with the device&apos;s link rate, memory budget and speed (a CPU quota); otherwise on loopback, unlimited. Devices: deploy over SSH to each device&apos;s host and run there.</source>
        <translation>模拟：在本机为每个设备运行一个 tessera-node 进程；以 root 运行时每个进程位于独立的网络命名空间中，带有该设备的链路速率、内存预算和速度（CPU 配额）；否则在回环上运行，不受限制。设备：通过 SSH 部署到各设备的主机并在其上运行。</translation>
    </message>
    <message>
        <source>Emulated as</source>
        <translation>模拟为</translation>
    </message>
    <message>
        <source>What the emulated cluster holds the device to: CPU quota, link rate each way, memory limit</source>
        <translation>模拟集群对该设备的限制：CPU 配额、每个方向的链路速率、内存上限</translation>
    </message>
    <message>
        <source>Not emulated (%1): the nodes run as processes on loopback without link, CPU or memory limits, so the results are not those of the devices.</source>
        <translation>未模拟（%1）：节点作为回环上的进程运行，没有链路、CPU 或内存限制，因此结果并不代表这些设备。</translation>
    </message>
    <message>
        <source>Emulated: each device in a network namespace with its link rate, memory budget and a CPU quota for its speed (this machine: %1 GMAC/s per core).</source>
        <translation>已模拟：每个设备位于一个网络命名空间中，带有其链路速率、内存预算以及与其速度相应的 CPU 配额（本机：每核心 %1 GMAC/s）。</translation>
    </message>
    <message>
        <source>%1 core</source>
        <translation>%1 核</translation>
    </message>
    <message>
        <source>CPU unlimited</source>
        <translation>CPU 不受限</translation>
    </message>
    <message>
        <source>link unshaped</source>
        <translation>链路不限速</translation>
    </message>
    <message>
        <source>memory unlimited</source>
        <translation>内存不受限</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>不受限制</translation>
    </message>
    <message>
        <source>CPU quota: %1; link each way: %2; memory limit: %3</source>
        <translation>CPU 配额：%1；每个方向的链路：%2；内存上限：%3</translation>
    </message>
</context>
<context>
    <name>tessera::ui::StageExplanation</name>
    <message>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileCanvas</name>
    <message>
        <source>Output of %1: %2 × %3</source>
        <translation>%1 的输出：%2 × %3</translation>
    </message>
    <message>
        <source>device #%1</source>
        <translation>设备 #%1</translation>
    </message>
    <message>
        <source>Block input &apos;%1&apos;: %2 × %3</source>
        <translation>块输入 &apos;%1&apos;：%2 × %3</translation>
    </message>
    <message>
        <source>Receptive regions outlined, overlaps shaded (darker: more tiles). The tiles read %1× this input.</source>
        <translation>已勾勒出感受野区域，重叠部分加了阴影（颜色越深，重叠的分块越多）。各分块读取的数据量为此输入的 %1 倍。</translation>
    </message>
    <message>
        <source>Row cut at %1: drag up or down to resize the tiles</source>
        <translation>位于 %1 的行切分线：上下拖动以调整分块大小</translation>
    </message>
    <message>
        <source>Column cut at %1: drag left or right to resize the tiles</source>
        <translation>位于 %1 的列切分线：左右拖动以调整分块大小</translation>
    </message>
    <message>
        <source>Tile %1: rows %2–%3, columns %4–%5, on %6. Drag it onto a device to move it.</source>
        <translation>分块 %1：第 %2–%3 行，第 %4–%5 列，运行于 %6。将其拖到某个设备上即可移动。</translation>
    </message>
    <message>
        <source>Reads rows %1–%2, columns %3–%4 of %5.</source>
        <translation>读取 %5 的第 %1–%2 行、第 %3–%4 列。</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileEditor</name>
    <message>
        <source>Select a layer of a tile block (in the graph or the layer table) to edit its tiles here.</source>
        <translation>选择分块组中的某一层（在计算图或层表中），即可在此编辑其分块。</translation>
    </message>
    <message>
        <source>%1 is not in a tile block.</source>
        <translation>%1 不在分块组中。</translation>
    </message>
    <message>
        <source>Tile blocks of this plan: %1</source>
        <translation>本方案的分块组：%1</translation>
    </message>
    <message>
        <source>To make a tile block, select a range of layers (click the first, Shift+click the last) and choose Partition → Fuse as Tile Block… (Ctrl+T). Its output is cut into a grid of tiles that the devices compute in parallel.</source>
        <translation>要创建分块组，请选择一段层范围（单击第一层，按住 Shift 单击最后一层），然后选择“划分 → 融合为分块组…”（Ctrl+T）。其输出会被切分为分块网格，由各设备并行计算。</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Data reuse</source>
        <translation>数据复用</translation>
    </message>
    <message>
        <source>Work stealing</source>
        <translation>工作窃取</translation>
    </message>
    <message>
        <source>Rows of tiles: the block&apos;s output is re-cut evenly</source>
        <translation>分块行数：块的输出将重新均匀切分</translation>
    </message>
    <message>
        <source>Columns of tiles: the block&apos;s output is re-cut evenly</source>
        <translation>分块列数：块的输出将重新均匀切分</translation>
    </message>
    <message>
        <source>DeepThings&apos; data reuse: in a checkerboard, the hatched (odd) tiles fetch the borders they share with their neighbours instead of recomputing them</source>
        <translation>DeepThings 的数据复用：按棋盘格排列，带斜线（奇数）的分块从相邻分块获取共享的边界，而不是重新计算</translation>
    </message>
    <message>
        <source>Work stealing: an idle device takes pending tiles from a busy one at run time</source>
        <translation>工作窃取：运行时，空闲设备从繁忙设备接手待处理的分块</translation>
    </message>
    <message>
        <source>Show Input</source>
        <translation>显示输入</translation>
    </message>
    <message>
        <source>Show the block&apos;s input with every tile&apos;s receptive region; overlaps are shaded</source>
        <translation>显示块的输入及每个分块的感受野区域；重叠部分加阴影</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Drag a tile onto a device, or a device onto a tile:</source>
        <translation>将分块拖到设备上，或将设备拖到分块上：</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layer(s) · output %3 · %4 × %5 tiles</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %n 层 · 输出 %3 · %4 × %5 分块</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation>方案无法编译：%1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineCanvas</name>
    <message>
        <source>No valid plan to simulate.</source>
        <translation>没有可模拟的有效方案。</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineView</name>
    <message>
        <source>Frames sent back to back: more than one shows the pipeline filling</source>
        <translation>连续发送的帧数：大于 1 时可看到流水线逐步填满</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>发送</translation>
    </message>
    <message numerus="yes">
        <source>One frame: %1 end to end, %n task(s)</source>
        <translation>
            <numerusform>单帧：端到端 %1，%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames: latency %2 to %3, throughput %4 frames/s</source>
        <translation>%1 帧：延迟 %2 至 %3，吞吐量 %4 帧/秒</translation>
    </message>
    <message>
        <source>%1 from %2 to %3%4, frame %5
%6 to %7 (%8)</source>
        <translation>%1，从 %2 到 %3%4，第 %5 帧
%6 至 %7（%8）</translation>
    </message>
    <message>
        <source> (result)</source>
        <translation>（结果）</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>归约</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>Stage %1 (%2), %3, frame %4
%5 to %6 (%7) on %8</source>
        <translation>阶段 %1（%2），%3，第 %4 帧
%5 至 %6（%7），在 %8 上</translation>
    </message>
</context>
<context>
    <name>tessera::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Tessera Studio&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Tessera Studio&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Design how a CNN is split across small edge devices: see every layer&apos;s cost, fuse layers into tiles, place layers on devices and check each device&apos;s memory and the predicted latency before anything runs.</source>
        <translation>设计如何将 CNN 切分到小型边缘设备上：查看每一层的开销，将层融合并切分为分块，把层放置到设备上，并在运行之前检查每个设备的内存和预测延迟。</translation>
    </message>
    <message>
        <source>Open the sample project (YOLOv2 on six emulated devices)</source>
        <translation>打开示例项目（YOLOv2，运行于六个模拟设备）</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>New project from a model…</source>
        <translation>从模型新建项目…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近的项目&lt;/b&gt;</translation>
    </message>
</context>
</TS>
