# Shared set-up of the Pester suite (dot-source it in BeforeAll): where the built module and the test bed's engines,
# registries and certificates are (the variables of `bash eng/engines.sh env`, with the test bed's defaults), fresh
# runspaces, image tags of a test's own, a throw-away machine layout, and a fake remote engine. Real engines only.

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$ModulePath = Join-Path $RepoRoot 'out' 'Oci' 'Oci.psd1'
$ModuleFolder = Split-Path $ModulePath
$Endpoint = if ($env:OCI_TEST_DOCKER_HOST) { $env:OCI_TEST_DOCKER_HOST } else { 'unix:///tmp/oci-testbed/docker/docker.sock' }
$Registry = if ($env:OCI_TEST_REGISTRY) { $env:OCI_TEST_REGISTRY } else { '127.0.0.1:5000' }
$Small = "$Registry/small:latest"
$Small10 = "$Registry/small:1.0"
$Big = "$Registry/big:latest"
$Layers = "$Registry/layers:latest"
$DeadEndpoint = 'unix:///tmp/none.sock'
$PodmanEndpoint = if ($env:OCI_TEST_PODMAN_HOST) { $env:OCI_TEST_PODMAN_HOST } else { 'unix:///tmp/oci-testbed/podman/podman.sock' }
$AuthRegistry = if ($env:OCI_TEST_AUTH_REGISTRY) { $env:OCI_TEST_AUTH_REGISTRY } else { '127.0.0.1:5001' }
$AuthUser = if ($env:OCI_TEST_AUTH_USER) { $env:OCI_TEST_AUTH_USER } else { 'ociuser' }
$AuthPassword = if ($env:OCI_TEST_AUTH_PASSWORD) { $env:OCI_TEST_AUTH_PASSWORD } else { 'oci-Secret-42' }
$TlsEndpoint = if ($env:OCI_TEST_DOCKER_TLS_HOST) { $env:OCI_TEST_DOCKER_TLS_HOST } else { 'tcp://127.0.0.1:2376' }
$StoppedRegistry = '127.0.0.1:5009'
# The image with pwsh in it (eng/testbed/pwsh-image.sh), for PowerShell sessions in containers.
$PwshImage = if ($env:OCI_TEST_PWSH_IMAGE) { $env:OCI_TEST_PWSH_IMAGE } else { "$Registry/pwsh:latest" }
# The cmdlets the manifest exports: one list, kept in Oci.psd1.
$Cmdlets = @((Import-PowerShellDataFile (Join-Path $RepoRoot 'Oci.psd1')).CmdletsToExport | Sort-Object -CaseSensitive)
# The test bed's sshd (eng/testbed/sshd.sh): dockerd through the remote's DOCKER_HOST, Podman by its socket path, a remote
# without an engine CLI, and the client files the tests point ssh at (never ~/.ssh).
$SshEndpoint = if ($env:OCI_TEST_SSH_ENDPOINT) { $env:OCI_TEST_SSH_ENDPOINT } else { 'ssh://root@127.0.0.1:2222' }
$SshPodmanEndpoint = if ($env:OCI_TEST_SSH_PODMAN_ENDPOINT) { $env:OCI_TEST_SSH_PODMAN_ENDPOINT } else { 'ssh://root@127.0.0.1:2222/tmp/oci-testbed/podman/podman.sock' }
$SshBareEndpoint = if ($env:OCI_TEST_SSH_BARE_ENDPOINT) { $env:OCI_TEST_SSH_BARE_ENDPOINT } else { 'ssh://root@127.0.0.1:2223' }
$SshKey = if ($env:OCI_TEST_SSH_KEY) { $env:OCI_TEST_SSH_KEY } else { '/tmp/oci-testbed/ssh/client/id_ed25519' }
$SshOtherKey = if ($env:OCI_TEST_SSH_OTHER_KEY) { $env:OCI_TEST_SSH_OTHER_KEY } else { '/tmp/oci-testbed/ssh/client/other_ed25519' }
$SshKnownHosts = if ($env:OCI_TEST_SSH_KNOWN_HOSTS) { $env:OCI_TEST_SSH_KNOWN_HOSTS } else { '/tmp/oci-testbed/ssh/client/known_hosts' }
$SshChangedKnownHosts = if ($env:OCI_TEST_SSH_CHANGED_KNOWN_HOSTS) { $env:OCI_TEST_SSH_CHANGED_KNOWN_HOSTS } else { '/tmp/oci-testbed/ssh/client/known_hosts_changed' }

if (-not (Test-Path $ModulePath)) {
    throw "The built module is missing: $ModulePath does not exist. Run 'dotnet build src/Oci.PowerShell' (or ./build.ps1 -Task Build) first."
}

function Get-SshTestOption {
    # -SshOption values that pin the test bed's host key (and only it).
    param([string] $KnownHosts = $SshKnownHosts)
    foreach ($f in $SshKey, $KnownHosts) {
        if (-not (Test-Path -LiteralPath $f)) { throw "$f does not exist: the ssh tests need the test bed's sshd and its client files (eng/engines.sh up; eval `"`$(bash eng/engines.sh env)`")." }
    }
    "UserKnownHostsFile=$KnownHosts", 'GlobalKnownHostsFile=/dev/null', 'StrictHostKeyChecking=yes'
}

function Connect-TestEngine {
    # Connect-OciEngine to the test engine; a clear failure (never a skip) when the engine is not there.
    param([string] $Name)
    $params = @{ Endpoint = $Endpoint; ErrorAction = 'Stop' }
    if ($Name) { $params.Name = $Name }
    try {
        Connect-OciEngine @params
    }
    catch {
        throw "Cannot connect to the Docker test engine at $Endpoint (env OCI_TEST_DOCKER_HOST). These tests need the real engine and registry ($Registry, env OCI_TEST_REGISTRY) running; start the test bed. $($_.FullyQualifiedErrorId): $_"
    }
}

function New-TestRunspace {
    # A fresh runspace with the same variables, optionally with the module imported.
    param([switch] $NoModule)
    $rs = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $rs.Open()
    foreach ($name in 'ModulePath', 'Endpoint', 'Registry', 'Small', 'Small10', 'Big', 'Layers', 'DeadEndpoint', 'StoppedRegistry', 'PwshImage',
        'PodmanEndpoint', 'AuthRegistry', 'AuthUser', 'AuthPassword', 'TlsEndpoint', 'SshEndpoint', 'SshPodmanEndpoint', 'SshKey', 'SshKnownHosts') {
        $rs.SessionStateProxy.SetVariable($name, (Get-Variable -Name $name -ValueOnly))
    }
    # The helper functions the tests call inside it.
    $null = Invoke-InRunspace $rs ([scriptblock]::Create("function global:New-TestCredential {`n${function:New-TestCredential}`n}"))
    if (-not $NoModule) {
        $r = Invoke-InRunspace $rs { Import-Module $ModulePath -ErrorAction Stop }
        if ($r.Terminating -or $r.Errors.Count) { throw "Import-Module $ModulePath failed in a new runspace: $($r.Terminating) $($r.Errors)" }
    }
    $rs
}

function Invoke-InRunspace {
    # Runs a script in $Runspace and returns every stream.
    param(
        [Parameter(Mandatory)] [runspace] $Runspace,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [hashtable] $Parameters = @{}
    )
    $ps = [powershell]::Create()
    try {
        $ps.Runspace = $Runspace
        $null = $ps.AddScript($ScriptBlock.ToString())
        if ($Parameters.Count) { $null = $ps.AddParameters($Parameters) }
        $terminating = $null
        $output = @()
        try { $output = @($ps.Invoke()) } catch { $terminating = $_ }
        [pscustomobject]@{
            Output      = $output
            Errors      = @($ps.Streams.Error)
            AllErrors   = @($ps.Streams.Error) + @(if ($terminating) { $terminating.Exception.InnerException.ErrorRecord ?? $terminating })
            Progress    = @($ps.Streams.Progress)
            Verbose     = @($ps.Streams.Verbose)
            Warnings    = @($ps.Streams.Warning)
            Debug       = @($ps.Streams.Debug)
            Information = @($ps.Streams.Information)
            Terminating = $terminating
        }
    }
    finally {
        $ps.Dispose()
    }
}

function Connect-InRunspace {
    # Connect-OciEngine in $Runspace, assigned to $<Variable> there; fails clearly when the engine is not there.
    param([runspace] $Runspace, [string] $Name, [string] $Variable = 'c')
    $r = Invoke-InRunspace $Runspace {
        param($Name, $Variable)
        $p = @{ Endpoint = $Endpoint }
        if ($Name) { $p.Name = $Name }
        Set-Variable -Name $Variable -Value (Connect-OciEngine @p) -Scope Global
        Get-Variable -Name $Variable -ValueOnly
    } @{ Name = $Name; Variable = $Variable }
    if ($r.Errors.Count -or $r.Terminating -or $r.Output.Count -ne 1) {
        throw "Cannot connect to the Docker test engine at $Endpoint (env OCI_TEST_DOCKER_HOST); start the test bed. $($r.Errors) $($r.Terminating)"
    }
    $r.Output[0]
}

function New-TestImageTag {
    # Copies NAME:latest to REGISTRY/pstests/NAME:t-GUID (blobs mounted, manifest copied byte for byte) and
    # returns that reference: an image that exists in the registry and certainly not in the engine.
    param([Parameter(Mandatory)] [string] $Name)
    $types = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'
    $target = "pstests/$Name"
    $tag = 't-' + [guid]::NewGuid().ToString('N')
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $send = {
            param($method, $uri, $content, [int] $expect, $what)
            $req = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($method), $uri)
            if ($content) { $req.Content = $content } else { $req.Headers.Accept.ParseAdd($types) }
            $resp = $http.SendAsync($req).GetAwaiter().GetResult()
            if ([int]$resp.StatusCode -ne $expect) {
                throw "Registry ${Registry}: $what answered $([int]$resp.StatusCode): $($resp.Content.ReadAsStringAsync().GetAwaiter().GetResult())"
            }
            $resp
        }
        $manifest = & $send 'GET' "http://$Registry/v2/$Name/manifests/latest" $null 200 "GET $Name`:latest manifest"
        $bytes = $manifest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        $mediaType = $manifest.Content.Headers.ContentType.MediaType
        $doc = [System.Text.Encoding]::UTF8.GetString($bytes) | ConvertFrom-Json
        foreach ($digest in (@($doc.config.digest) + @($doc.layers.digest) | Select-Object -Unique)) {
            $null = & $send 'POST' "http://$Registry/v2/$target/blobs/uploads/?mount=$digest&from=$Name" ([System.Net.Http.ByteArrayContent]::new([byte[]]@())) 201 "mount $digest"
        }
        $body = [System.Net.Http.ByteArrayContent]::new($bytes)
        $body.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new($mediaType)
        $null = & $send 'PUT' "http://$Registry/v2/$target/manifests/$tag" $body 201 "PUT $target`:$tag"
    }
    finally {
        $http.Dispose()
    }
    "$Registry/$target`:$tag"
}

function Connect-BothEngines {
    # A connection to the Docker and to the Podman test engine, named for the test (clear failures, never a skip).
    param([string] $Prefix = 'both')
    $d = Connect-OciEngine -Endpoint $Endpoint -Name "$Prefix-docker" -ErrorAction Stop
    $p = Connect-OciEngine -Endpoint $PodmanEndpoint -Name "$Prefix-podman" -ErrorAction Stop
    $d, $p
}

function New-TestCredential {
    # A PSCredential for the auth registry.
    param([string] $User = $AuthUser, [string] $Password = $AuthPassword)
    [pscredential]::new($User, [System.Net.NetworkCredential]::new('', $Password).SecurePassword)
}

function New-PrivateImageTag {
    # Tags the auth registry's private:latest as private:t-GUID (manifest copied byte for byte, with the test bed's
    # credentials) and returns that reference.
    $types = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'
    $tag = 't-' + [guid]::NewGuid().ToString('N')
    $basic = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic',
        [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("${AuthUser}:$AuthPassword")))
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $get = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "http://$AuthRegistry/v2/private/manifests/latest")
        $get.Headers.Accept.ParseAdd($types)
        $get.Headers.Authorization = $basic
        $manifest = $http.SendAsync($get).GetAwaiter().GetResult()
        if ([int]$manifest.StatusCode -ne 200) { throw "Registry ${AuthRegistry}: GET private:latest answered $([int]$manifest.StatusCode)" }
        $body = [System.Net.Http.ByteArrayContent]::new($manifest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult())
        $body.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new($manifest.Content.Headers.ContentType.MediaType)
        $put = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Put, "http://$AuthRegistry/v2/private/manifests/$tag")
        $put.Content = $body
        $put.Headers.Authorization = $basic
        $resp = $http.SendAsync($put).GetAwaiter().GetResult()
        if ([int]$resp.StatusCode -ne 201) { throw "Registry ${AuthRegistry}: PUT private:$tag answered $([int]$resp.StatusCode)" }
    }
    finally {
        $http.Dispose()
    }
    "$AuthRegistry/private:$tag"
}

# ---- A throw-away machine layout in the process environment ----

$SandboxVariables = @('HOME', 'DOCKER_CONFIG', 'XDG_RUNTIME_DIR', 'PATH', 'REGISTRY_AUTH_FILE',
    'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS', 'DOCKER_CERT_PATH',
    'CONTAINER_HOST', 'CONTAINER_SSHKEY', 'CONTAINER_CONNECTION', 'PODMAN_CONNECTIONS_CONF', 'CONTAINERS_CONF', 'CONTAINERS_CONF_OVERRIDE', 'XDG_CONFIG_HOME')
# Unset in a sandbox: what would point discovery elsewhere than the sandbox's own files.
$SandboxUnset = @('DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS', 'DOCKER_CERT_PATH',
    'CONTAINER_HOST', 'CONTAINER_SSHKEY', 'CONTAINER_CONNECTION', 'PODMAN_CONNECTIONS_CONF', 'CONTAINERS_CONF', 'CONTAINERS_CONF_OVERRIDE', 'XDG_CONFIG_HOME')

function New-TestSandbox {
    # A temporary HOME, DOCKER_CONFIG and XDG_RUNTIME_DIR (empty: no engine, no credentials), a bin folder first on
    # PATH, a REGISTRY_AUTH_FILE not written yet; DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS*, CONTAINER_* and the Podman
    # configuration variables unset (so Podman's connections are read from <HOME>/.config/containers).
    # Remove-TestSandbox restores every variable.
    $root = Join-Path '/tmp' ('ocip-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $box = [pscustomobject]@{
        Root     = $root
        Home     = Join-Path $root 'home'
        Config   = Join-Path $root 'config'
        Xdg      = Join-Path $root 'xdg'
        Bin      = Join-Path $root 'bin'
        AuthFile = Join-Path $root 'auth.json'
        Saved    = @{}
        Sockets  = [System.Collections.Generic.List[System.Net.Sockets.Socket]]::new()
    }
    foreach ($d in $box.Home, $box.Config, $box.Xdg, $box.Bin) { $null = New-Item -ItemType Directory -Path $d -Force }
    foreach ($v in $SandboxVariables) { $box.Saved[$v] = [Environment]::GetEnvironmentVariable($v) }
    $env:HOME = $box.Home
    $env:DOCKER_CONFIG = $box.Config
    $env:XDG_RUNTIME_DIR = $box.Xdg
    $env:PATH = $box.Bin + [IO.Path]::PathSeparator + $box.Saved['PATH']
    $env:REGISTRY_AUTH_FILE = $box.AuthFile
    foreach ($v in $SandboxUnset) { [Environment]::SetEnvironmentVariable($v, $null) }
    $box
}

function Remove-TestSandbox {
    param([Parameter(Mandatory)] $Box)
    foreach ($v in $Box.Saved.Keys) { [Environment]::SetEnvironmentVariable($v, $Box.Saved[$v]) }
    foreach ($s in $Box.Sockets) { $s.Dispose() }
    Remove-Item -LiteralPath $Box.Root -Recurse -Force -ErrorAction SilentlyContinue
}

function Add-SandboxLink {
    # A symlink at <root>/<Relative> to <Target>; returns its unix:// endpoint.
    param($Box, [string] $Relative, [string] $Target)
    $path = Join-Path $Box.Root $Relative
    $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
    $null = [System.IO.File]::CreateSymbolicLink($path, $Target)
    "unix://$path"
}

function Add-DockerLink { param($Box, [string] $Relative) Add-SandboxLink $Box $Relative ($Endpoint -replace '^unix://', '') }

function Add-PodmanLink { param($Box, [string] $Relative) Add-SandboxLink $Box $Relative ($PodmanEndpoint -replace '^unix://', '') }

function Write-SandboxFile {
    param($Box, [string] $Relative, [string] $Content)
    $path = Join-Path $Box.Root $Relative
    $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
    [System.IO.File]::WriteAllText($path, $Content, [System.Text.UTF8Encoding]::new($false))
    $path
}

function Write-SandboxConfig { param($Box, [string] $Json) Write-SandboxFile $Box 'config/config.json' $Json }

function Write-SandboxContext {
    # Docker context <Name> under DOCKER_CONFIG (contexts/meta/<sha256 of name>/meta.json) pointing at <HostEndpoint>.
    param($Box, [string] $Name, [string] $HostEndpoint)
    $hash = [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($Name))).ToLowerInvariant()
    Write-SandboxFile $Box "config/contexts/meta/$hash/meta.json" ('{"Name":"' + $Name + '","Metadata":{},"Endpoints":{"docker":{"Host":"' + $HostEndpoint + '","SkipTLSVerify":false}}}')
}

function New-DeadSocket {
    # A unix socket file nobody listens on (bound, never listening); returns its unix:// endpoint.
    param($Box, [string] $Relative)
    $path = Join-Path $Box.Root $Relative
    $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
    $s = [System.Net.Sockets.Socket]::new([System.Net.Sockets.AddressFamily]::Unix, [System.Net.Sockets.SocketType]::Stream, [System.Net.Sockets.ProtocolType]::Unspecified)
    $s.Bind([System.Net.Sockets.UnixDomainSocketEndPoint]::new($path))
    $Box.Sockets.Add($s)
    "unix://$path"
}

function New-CredentialHelper {
    # bin/docker-credential-<Name>: the get verb of Docker's credential-helper protocol (the same script as
    # logs the server URL it is asked for, answers for <Server> only.
    param($Box, [string] $Name, [string] $Server, [string] $User, [string] $Secret)
    $script = @(
        '#!/usr/bin/env bash'
        '# A docker-credential-* helper for the tests: the get verb only.'
        '[ "${1:-}" = get ] || { echo "unsupported verb: ${1:-}" >&2; exit 1; }'
        'url=$(cat)'
        'printf ''%s\n'' "$url" >> "$0.log"'
        'case "$url" in'
        "  '$Server'|'http://$Server'|'https://$Server')"
        "    printf '{`"ServerURL`":`"%s`",`"Username`":`"%s`",`"Secret`":`"%s`"}\n' `"`$url`" '$User' '$Secret' ;;"
        "  *) echo 'credentials not found in native keychain'; exit 1 ;;"
        'esac'
    ) -join "`n"
    $path = Join-Path $Box.Bin "docker-credential-$Name"
    [System.IO.File]::WriteAllText($path, $script + "`n", [System.Text.UTF8Encoding]::new($false))
    & chmod 755 $path
    $path
}

function Get-CredentialHelperCalls {
    param([string] $Path)
    if (Test-Path "$Path.log") { @(Get-Content "$Path.log") } else { @() }
}

function New-AuthEntry {
    # An auths entry as docker login writes it: base64 of user:password.
    param([string] $User, [string] $Password)
    '{"auth":"' + [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("${User}:$Password")) + '"}'
}

function Get-StreamText {
    # Every text a run (Invoke-InRunspace) showed or handed back, for "no secret anywhere" checks.
    param([Parameter(Mandatory)] $Result)
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($o in $Result.Output) {
        $lines.Add("$o")
        $lines.Add(($o | Format-List * -Force | Out-String))
        $lines.Add(($o | Format-Table | Out-String))
        foreach ($p in $o.PSObject.Properties) {
            $v = try { $p.Value } catch { $null }
            if ($null -ne $v -and "$($v.GetType().Namespace)" -like 'Oci*') { $lines.Add(($v | Format-List * -Force | Out-String)) }
        }
    }
    foreach ($e in $Result.AllErrors) {
        $lines.Add("$e"); $lines.Add("$($e.FullyQualifiedErrorId)"); $lines.Add("$($e.ErrorDetails.Message)")
        $lines.Add("$($e.ErrorDetails.RecommendedAction)"); $lines.Add("$($e.TargetObject)")
        for ($x = $e.Exception; $x; $x = $x.InnerException) { $lines.Add($x.ToString()) }
    }
    foreach ($r in @($Result.Verbose) + @($Result.Debug) + @($Result.Warnings)) { $lines.Add("$($r.Message)") }
    foreach ($i in $Result.Information) { $lines.Add("$($i.MessageData)") }
    foreach ($p in $Result.Progress) { $lines.Add("$($p.Activity)"); $lines.Add("$($p.StatusDescription)"); $lines.Add("$($p.CurrentOperation)") }
    $lines -join "`n"
}

# The fake remote engine (a plain-HTTP dockerd look-alike on a non-loopback address).
if (-not ('Oci.Tests.Pester.FakeEngine' -as [type])) {
    Add-Type -Path (Join-Path $PSScriptRoot 'FakeEngine.cs')
}

# Get-PwshCommand / Invoke-Pwsh: a fresh pwsh started as this one was (installed pwsh, or the dotnet tool).
. (Join-Path $RepoRoot 'eng' 'build' 'Pwsh.ps1')

function Get-TableColumns {
    # The column labels of a table rendered as text: the labels sit above the runs of dashes.
    param([Parameter(Mandatory)] [string] $Text)
    $lines = @(($Text -replace "`e\[[0-9;]*m", '') -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
    $i = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^[- ]+$' })
    if ($i -lt 1) { throw "No table header underline in:`n$Text" }
    $header = $lines[$i - 1]
    foreach ($m in [regex]::Matches($lines[$i], '-+')) {
        if ($m.Index -ge $header.Length) { '' }
        else { $header.Substring($m.Index, [Math]::Min($m.Length, $header.Length - $m.Index)).Trim() }
    }
}

# The designed columns (Oci.format.ps1xml).
$ImageColumns = @('Repository', 'Tag', 'Image ID', 'Created', 'Size')
$ConnectionColumns = @('Name', 'Driver', 'Endpoint', 'Engine', 'Version', 'API', 'Source', 'Connected')
$ResponseColumns = @('Method', 'Kind', 'Target', 'Status', 'Result', 'Duration(ms)')

# ---- Containers ----

$ContainerLabel = 'oci.pester'

function New-TestContainerName {
    # A container name of the test's own.
    param([string] $Prefix = 'pst')
    "$Prefix-" + [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function New-LabelledTestContainer {
    # A container on the small image (network none, labelled $ContainerLabel=$Run) running `sh -c $Script`, made with the
    # module's own cmdlets; started unless -NoStart. Returns the OciContainer.
    param([Parameter(Mandatory)] $Connection, [Parameter(Mandatory)] [string] $Run, [string] $Script = 'sleep 60', [switch] $NoStart, [string] $Name = (New-TestContainerName))
    $c = New-OciContainer $Small 'sh', '-c', $Script -Name $Name -Network none -Label @{ $ContainerLabel = $Run } -Connection $Connection -ErrorAction Stop
    if (-not $NoStart) { $c = Start-OciContainer $c.Name -Connection $Connection -PassThru -ErrorAction Stop }
    $c
}

function Remove-TestContainers {
    # Force-removes every container labelled $ContainerLabel=$Run on the connections (a test's clean-up, failed or not).
    param([Parameter(Mandatory)] [string] $Run, [Parameter(Mandatory)] $Connection)
    Get-OciContainer -All -Label "$ContainerLabel=$Run" -Connection $Connection -ErrorAction SilentlyContinue |
        Remove-OciContainer -Force -Volumes -Confirm:$false -ErrorAction SilentlyContinue
}

function Wait-Until {
    # Polls $Condition until it is true; a hang guard of $Seconds fails the test instead of waiting forever.
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $Seconds = 60, [string] $Because = 'the condition')
    $watch = [Diagnostics.Stopwatch]::StartNew()
    while (-not (& $Condition)) {
        if ($watch.Elapsed.TotalSeconds -gt $Seconds) { throw "Timed out after $Seconds s waiting for $Because." }
        Start-Sleep -Milliseconds 50
    }
}

function Stop-InRunspace {
    # Starts $ScriptBlock in $Runspace, waits until $Ready (given what the run wrote so far) is true, then stops the
    # pipeline as Ctrl+C does; returns how long the stop took and what the run wrote. $Guard bounds each wait.
    param([Parameter(Mandatory)] [runspace] $Runspace, [Parameter(Mandatory)] [scriptblock] $ScriptBlock, [Parameter(Mandatory)] [scriptblock] $Ready, [double] $Guard = 60)
    $ps = [powershell]::Create()
    $ps.Runspace = $Runspace
    $null = $ps.AddScript($ScriptBlock.ToString())
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
    try {
        Wait-Until { & $Ready $output } -Seconds $Guard -Because 'the run to get going'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $stop = $ps.BeginStop($null, $null)
        if (-not $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($Guard))) { throw "The run did not stop within $Guard s." }
        $ps.EndStop($stop)
        [pscustomobject]@{ Elapsed = $watch.Elapsed; Output = @($output); State = $ps.InvocationStateInfo.State; Completed = $handle.IsCompleted }
    }
    finally {
        $ps.Dispose()
    }
}

# ---- issue 10: image archives of a test's own, and containers as props (through the engine's API directly) ----

function New-TestArchive {
    # An image archive in docker save's format: one small layer, the given labels (unique labels make a unique image),
    # tagged <Tag> (or untagged without one). Returns the path of the .tar file.
    param([string] $Tag, [hashtable] $Labels = @{}, [string] $Path = (Join-Path ([IO.Path]::GetTempPath()) ("oci-archive-" + [guid]::NewGuid().ToString('N') + '.tar')))
    $sha = { param([byte[]] $b) [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($b)).ToLowerInvariant() }
    $tarOf = {
        param([System.Collections.Specialized.OrderedDictionary] $entries)
        $ms = [IO.MemoryStream]::new()
        $w = [System.Formats.Tar.TarWriter]::new($ms, [System.Formats.Tar.TarEntryFormat]::Ustar, $true)
        foreach ($name in $entries.Keys) {
            $e = [System.Formats.Tar.UstarTarEntry]::new([System.Formats.Tar.TarEntryType]::RegularFile, $name)
            $e.DataStream = [IO.MemoryStream]::new([byte[]]$entries[$name])
            $w.WriteEntry($e)
        }
        $w.Dispose()
        , $ms.ToArray()
    }
    $layer = & $tarOf ([ordered]@{ 'oci-test.txt' = [Text.Encoding]::UTF8.GetBytes(($Labels | ConvertTo-Json -Compress) + [guid]::NewGuid()) })
    $config = [Text.Encoding]::UTF8.GetBytes((@{
                architecture = 'amd64'; os = 'linux'; created = '2024-01-01T00:00:00Z'
                config       = @{ Labels = $Labels; Cmd = @('/bin/sh') }
                rootfs       = @{ type = 'layers'; diff_ids = [string[]]@('sha256:' + (& $sha $layer)) }
            } | ConvertTo-Json -Depth 5 -Compress))
    $configName = (& $sha $config) + '.json'
    $layerName = (& $sha $layer) + '/layer.tar'
    $tags = $null
    if ($Tag) { $tags = [string[]]@($Tag) }
    $manifest = [Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -Depth 5 -Compress -InputObject @(@{ Config = $configName; RepoTags = $tags; Layers = [string[]]@($layerName) })))
    [IO.File]::WriteAllBytes($Path, (& $tarOf ([ordered]@{ $configName = $config; $layerName = $layer; 'manifest.json' = $manifest })))
    $Path
}

function Invoke-EngineApi {
    # A raw Docker-API call to the engine behind <Connection> (unix socket), for props Oci's own cmdlets do not make (containers).
    param([Parameter(Mandatory)] $Connection, [string] $Method = 'GET', [Parameter(Mandatory)] [string] $Path, $Body)
    if (-not ('Oci.Tests.Pester.EngineApi' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'EngineApi.cs') }
    $json = if ($null -ne $Body) { $Body | ConvertTo-Json -Depth 6 -Compress } else { $null }
    $status, $text = [Oci.Tests.Pester.EngineApi]::Send(($Connection.Endpoint -replace '^unix://', ''), $Method, $Path, $json)
    if ([int]$status -ge 300) { throw "$Method $Path answered ${status}: $text" }
    if ($text) { $text | ConvertFrom-Json }
}

function New-TestContainer {
    # A container of <Image> (no network) running <Command>, with labels and volume binds; started unless -NoStart. Returns its id.
    param([Parameter(Mandatory)] $Connection, [Parameter(Mandatory)] [string] $Image, [string[]] $Command = @('true'), [hashtable] $Labels = @{}, [string[]] $Binds = @(), [switch] $NoStart)
    $created = Invoke-EngineApi $Connection POST 'containers/create' @{ Image = $Image; Cmd = $Command; Labels = $Labels; HostConfig = @{ NetworkMode = 'none'; Binds = $Binds } }
    if (-not $NoStart) { $null = Invoke-EngineApi $Connection POST "containers/$($created.Id)/start" }
    $created.Id
}

function Remove-TestContainer {
    param([Parameter(Mandatory)] $Connection, [Parameter(Mandatory)] [string] $Id)
    try { $null = Invoke-EngineApi $Connection DELETE "containers/$Id`?force=1" } catch { if ("$_" -notmatch ' 404: ') { throw } }
}

function Get-WhatIfText {
    # The "What if:" lines a script block writes to the host, read from a transcript.
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $transcript = Join-Path ([IO.Path]::GetTempPath()) "oci-whatif-$([guid]::NewGuid().ToString('N')).txt"
    Start-Transcript -Path $transcript | Out-Null
    try { $null = & $ScriptBlock } finally { Stop-Transcript | Out-Null }
    $text = Get-Content $transcript -Raw
    Remove-Item $transcript
    $text
}

# ---- issue 14: PowerShell sessions in containers ----

function New-PwshTestContainer {
    # A running container of the pwsh image (network none, labelled $ContainerLabel=$Run, idle), made with the module's cmdlets.
    param([Parameter(Mandatory)] $Connection, [Parameter(Mandatory)] [string] $Run, [string] $Name = (New-TestContainerName -Prefix pwsh))
    $null = New-OciContainer $PwshImage 'sleep', '3600' -Name $Name -Network none -Label @{ $ContainerLabel = $Run } -Connection $Connection -ErrorAction Stop
    Start-OciContainer $Name -Connection $Connection -PassThru -ErrorAction Stop
}

function Get-PwshServerProcess {
    # The pwsh server processes (pwsh -s) running in a container, as busybox ps lists them.
    param([Parameter(Mandatory)] [string] $Container, [Parameter(Mandatory)] $Connection)
    $ps = Invoke-OciContainerCommand $Container 'ps', '-o', 'pid,args' -Connection $Connection -ErrorAction Stop
    @($ps.Stdout -split "`n" | Where-Object { $_ -match 'pwsh\.dll .*-s\b' })
}
