# The cmdlets' bad-input table (docs/reliability.md), read by Reliability.BadInput.Tests.ps1: one line per case.
# Each case runs once with $c a connection to a recording engine answering as dockerd and once as Podman, and must fail
# with exactly its ErrorId (the part of FullyQualifiedErrorId before the comma) and ErrorCategory, with nothing reaching
# the engine. Add a case with one line:
#   @{ Name = '<what is wrong>'; Run = { param($c) <one cmdlet call with -Connection $c> }; Id = '<ErrorId>'; Category = '<ErrorCategory>' }
# Ids of the module are Oci.*; PowerShell's own binder answers first for what a parameter's declaration refuses
# (ParameterArgumentValidationError, InvalidData; CannotConvertArgumentNoMessage, InvalidArgument) and for pipeline input
# it cannot bind at all (InputObjectNotBound); an object piped to a -Id that takes strings by value is its text.

$K17 = 'x' * 16385
$K100 = 'a' * 100000
$Many = @('a') * 10001
$Ref = '127.0.0.1:5000/small:latest'
$Digest = 'a@sha256:' + ('a' * 64)
$Nul = "a`0b"
$Secret = [pscredential]::new('u', (ConvertTo-SecureString 'the-password' -AsPlainText -Force))
$BigSecret = [pscredential]::new('u', (ConvertTo-SecureString $K17 -AsPlainText -Force))
$Entries = @{}; foreach ($i in 1..10001) { $Entries["K$i"] = 'v' }
$Deep = @{ leaf = 'v' }; foreach ($i in 1..20) { $Deep = @{ inner = $Deep } }
$Endless = [System.Linq.Enumerable]::Repeat('a', [int]::MaxValue)
# PowerShell's binder: a value its declaration refuses (ValidateNotNullOrEmpty, ValidateSet, ValidateRange), and one it cannot convert.
$V = 'ParameterArgumentValidationError'
$Convert = 'CannotConvertArgumentNoMessage'

@(
    # ---- Add-OciImageTag ----
    @{ Name = 'Add-OciImageTag of an invalid image'; Run = { param($c) Add-OciImageTag 'Upper' -Tag 'a:1' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Add-OciImageTag to an invalid tag'; Run = { param($c) Add-OciImageTag $Ref -Tag 'UPPER:x' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Add-OciImageTag to a digest'; Run = { param($c) Add-OciImageTag $Ref -Tag $Digest -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Add-OciImageTag to a 2000-character tag'; Run = { param($c) Add-OciImageTag $Ref -Tag ('a:' + 't' * 2000) -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Add-OciImageTag of a 5000-character image'; Run = { param($c) Add-OciImageTag ('x' * 5000) -Tag 'a:1' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Add-OciImageTag to an empty tag'; Run = { param($c) Add-OciImageTag $Ref -Tag '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Add-OciImageTag of a null connection'; Run = { param($c) Add-OciImageTag $Ref -Tag 'a:1' -Connection $null }; Id = $V; Category = 'InvalidData' }

    # ---- Clear-OciImage, Clear-OciNetwork, Clear-OciVolume ----
    @{ Name = 'Clear-OciImage of a label with NUL'; Run = { param($c) Clear-OciImage -Label $Nul -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciImage of 10001 labels'; Run = { param($c) Clear-OciImage -Label $Many -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciImage of a 17 KB label'; Run = { param($c) Clear-OciImage -Label $K17 -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciImage of a label without a key'; Run = { param($c) Clear-OciImage -Label '=x' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciImage of an empty label'; Run = { param($c) Clear-OciImage -Label '' -Connection $c -Confirm:$false }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Clear-OciImage until a word'; Run = { param($c) Clear-OciImage -Until 'not a date' -Connection $c -Confirm:$false }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciNetwork of a label without a key'; Run = { param($c) Clear-OciNetwork -Label '=x' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciNetwork of a label with NUL'; Run = { param($c) Clear-OciNetwork -Label $Nul -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciVolume of a label with NUL'; Run = { param($c) Clear-OciVolume -Label $Nul -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Clear-OciVolume of 10001 labels'; Run = { param($c) Clear-OciVolume -Label $Many -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Connect-OciEngine (nothing is contacted) ----
    @{ Name = 'Connect-OciEngine to an unknown scheme'; Run = { param($c) Connect-OciEngine -Endpoint 'ftp://host' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to a 2049-character endpoint'; Run = { param($c) Connect-OciEngine -Endpoint ('tcp://' + 'h' * 2043) }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to an endpoint with a header'; Run = { param($c) Connect-OciEngine -Endpoint "tcp://127.0.0.1:2375`nHost: evil" }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to unix:// without a path'; Run = { param($c) Connect-OciEngine -Endpoint 'unix://' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to port 99999'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:99999' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to ssh with a password'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://me:secret@host' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine to an empty endpoint'; Run = { param($c) Connect-OciEngine -Endpoint '' }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Connect-OciEngine of a wildcard name'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Name 'a*' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a 300-character name'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Name ('n' * 300) }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a name in use'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Name $c.Name }; Id = 'Oci.ConnectionNameInUse'; Category = 'ResourceExists' }
    @{ Name = 'Connect-OciEngine of timeout 0'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Timeout 0 }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a negative timeout'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Timeout -5 }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a two-day timeout'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Timeout 172800 }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a timeout in words'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Timeout 'soon' }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of an unknown driver'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -Driver 'nope' }; Id = 'Oci.Unsupported'; Category = 'NotImplemented' }
    @{ Name = 'Connect-OciEngine of certificates without an endpoint'; Run = { param($c) Connect-OciEngine -CertificatePath '/tmp' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a certificate folder that is not there'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -CertificatePath '/tmp/oci-no-such-folder' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of certificates for a socket'; Run = { param($c) Connect-OciEngine -Endpoint 'unix:///tmp/x.sock' -CertificatePath '/tmp' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a key file that is not there'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://me@host' -KeyFilePath '/tmp/oci-no-such-key' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of a key file for tcp'; Run = { param($c) Connect-OciEngine -Endpoint 'tcp://127.0.0.1:1' -KeyFilePath '/etc/hostname' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of an ssh credential with a password'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://host' -Credential $Secret }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of an ssh option without a value'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://host' -SshOption 'BatchMode' }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of 65 ssh options'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://host' -SshOption (@('ServerAliveInterval=1') * 65) }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciEngine of an ssh option with a newline'; Run = { param($c) Connect-OciEngine -Endpoint 'ssh://host' -SshOption "ProxyCommand=a`nb" }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Connect-OciRegistry, Disconnect-OciRegistry ----
    @{ Name = 'Connect-OciRegistry to a host with a quote'; Run = { param($c) Connect-OciRegistry 'bad host"' -Credential $Secret -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciRegistry to a host with a semicolon'; Run = { param($c) Connect-OciRegistry 'a;b' -Credential $Secret -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciRegistry with a 17 KB password'; Run = { param($c) Connect-OciRegistry '127.0.0.1:5000' -Credential $BigSecret -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciRegistry with a 5000-character config path'; Run = { param($c) Connect-OciRegistry '127.0.0.1:5000' -Credential $Secret -ConfigPath ('/' + 'p' * 5000) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Connect-OciRegistry to an empty registry'; Run = { param($c) Connect-OciRegistry '' -Credential $Secret -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Disconnect-OciRegistry of a host with a quote'; Run = { param($c) Disconnect-OciRegistry 'bad host"' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Disconnect-OciRegistry of a config path with NUL'; Run = { param($c) Disconnect-OciRegistry '127.0.0.1:5000' -ConfigPath "/tmp/a`0b" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Copy-OciContainerItem ----
    @{ Name = 'Copy-OciContainerItem between two local paths'; Run = { param($c) Copy-OciContainerItem '/etc/hostname' '/tmp/x' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem between two containers'; Run = { param($c) Copy-OciContainerItem 'c1:/etc' 'c2:/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem from a container name with a space'; Run = { param($c) Copy-OciContainerItem 'a b:/etc' '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem from a relative container path'; Run = { param($c) Copy-OciContainerItem 'c1:etc' '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem from a container path with NUL'; Run = { param($c) Copy-OciContainerItem "c1:/e`0tc" '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem from a 5000-character path'; Run = { param($c) Copy-OciContainerItem ('c1:/' + 'p' * 5000) '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem into a relative container path'; Run = { param($c) Copy-OciContainerItem '/etc/hostname' 'c1:tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Copy-OciContainerItem to an empty destination'; Run = { param($c) Copy-OciContainerItem 'c1:/etc' '' -Connection $c }; Id = $V; Category = 'InvalidData' }

    # ---- Disconnect-OciEngine, Get-OciConnection (wildcards) ----
    @{ Name = 'Disconnect-OciEngine of an unclosed [ pattern'; Run = { param($c) Disconnect-OciEngine -Name 'oci[a-' }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Disconnect-OciEngine of a lone ['; Run = { param($c) Disconnect-OciEngine -Name '[' }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Disconnect-OciEngine of a 300-character pattern'; Run = { param($c) Disconnect-OciEngine -Name ('x' * 300) }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Disconnect-OciEngine of an empty name'; Run = { param($c) Disconnect-OciEngine -Name '' }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Disconnect-OciEngine of a null connection'; Run = { param($c) Disconnect-OciEngine -Connection $null }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Disconnect-OciEngine of a string piped'; Run = { param($c) 'not-a-connection' | Disconnect-OciEngine }; Id = 'InputObjectNotBound'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciConnection of a lone ['; Run = { param($c) Get-OciConnection -Name '[' }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciConnection of an unclosed [ pattern'; Run = { param($c) Get-OciConnection -Name 'a[b' }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciConnection of a 300-character pattern'; Run = { param($c) Get-OciConnection -Name ('x*' * 150) }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciConnection of an empty name'; Run = { param($c) Get-OciConnection -Name '' }; Id = $V; Category = 'InvalidData' }

    # ---- Export-OciImage, Import-OciImage ----
    @{ Name = 'Export-OciImage of an invalid image'; Run = { param($c) Export-OciImage 'Upper' '/tmp/oci-x.tar' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Export-OciImage to a folder'; Run = { param($c) Export-OciImage $Ref '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Export-OciImage into a folder that is not there'; Run = { param($c) Export-OciImage $Ref '/tmp/oci-no-such-folder/x.tar' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Export-OciImage to a path with NUL'; Run = { param($c) Export-OciImage $Ref "/tmp/a`0b.tar" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Export-OciImage to an empty path'; Run = { param($c) Export-OciImage $Ref '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Import-OciImage of a file that is not there'; Run = { param($c) Import-OciImage '/tmp/oci-no-such-archive.tar' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Import-OciImage of a folder'; Run = { param($c) Import-OciImage '/tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Import-OciImage of a path with NUL'; Run = { param($c) Import-OciImage "/tmp/a`0b.tar" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Get-OciContainer, Get-OciContainerLog, Get-OciContainerStat ----
    @{ Name = 'Get-OciContainer of a lone ['; Run = { param($c) Get-OciContainer -Name '[' -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of a 300-character pattern'; Run = { param($c) Get-OciContainer -Name ('n' * 300) -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of a label with NUL'; Run = { param($c) Get-OciContainer -Label $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of an unknown status'; Run = { param($c) Get-OciContainer -Status 'zombie' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of a 17 KB ancestor'; Run = { param($c) Get-OciContainer -Ancestor $K17 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of an id with a space'; Run = { param($c) Get-OciContainer -Id 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of an id that is a path'; Run = { param($c) Get-OciContainer -Id '../../etc' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainer of an empty id'; Run = { param($c) Get-OciContainer -Id '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Get-OciContainerLog of a name with a space'; Run = { param($c) Get-OciContainerLog 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainerLog of a negative tail'; Run = { param($c) Get-OciContainerLog 'c1' -Tail -1 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Get-OciContainerLog since 1960'; Run = { param($c) Get-OciContainerLog 'c1' -Since ([datetime]'1960-01-01') -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainerLog of an unknown stream'; Run = { param($c) Get-OciContainerLog 'c1' -Stream 'Both' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Get-OciContainerLog of a 5000-character name'; Run = { param($c) Get-OciContainerLog ('c' * 5000) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainerStat of a name with a slash'; Run = { param($c) Get-OciContainerStat 'a/b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciContainerStat of a name with NUL'; Run = { param($c) Get-OciContainerStat $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciDiskUsage of a null connection'; Run = { param($c) Get-OciDiskUsage -Connection $null }; Id = $V; Category = 'InvalidData' }

    # ---- Get-OciEvent ----
    @{ Name = 'Get-OciEvent of an unknown type'; Run = { param($c) Get-OciEvent -Type 'spaceship' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciEvent until before since'; Run = { param($c) Get-OciEvent -Since (Get-Date) -Until (Get-Date).AddHours(-1) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciEvent of a filter value with NUL'; Run = { param($c) Get-OciEvent -Filter @{ label = $Nul } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciEvent of a filter key with a space'; Run = { param($c) Get-OciEvent -Filter @{ 'a b' = 'x' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciEvent of an action with a space'; Run = { param($c) Get-OciEvent -Action 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciEvent of a label with NUL'; Run = { param($c) Get-OciEvent -Label $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Get-OciImage, Get-OciImageHistory ----
    @{ Name = 'Get-OciImage of a lone ['; Run = { param($c) Get-OciImage -Name '[' -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage of an unclosed [ pattern'; Run = { param($c) Get-OciImage -Name 'small[a-' -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage of a filter with a space'; Run = { param($c) Get-OciImage -Name 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage of a label without a key'; Run = { param($c) Get-OciImage -Label '=x' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage before an invalid image'; Run = { param($c) Get-OciImage -Before 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage since a 17 KB image'; Run = { param($c) Get-OciImage -Since $K17 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage of an invalid id'; Run = { param($c) Get-OciImage -Id 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImage of an empty name'; Run = { param($c) Get-OciImage -Name '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Get-OciImageHistory of an invalid image'; Run = { param($c) Get-OciImageHistory 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciImageHistory of an image with a control character'; Run = { param($c) Get-OciImageHistory "a`tb" -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }

    # ---- Get-OciNetwork, Get-OciVolume ----
    @{ Name = 'Get-OciNetwork of a lone ['; Run = { param($c) Get-OciNetwork -Name '[' -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciNetwork of a driver with NUL'; Run = { param($c) Get-OciNetwork -Driver $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciNetwork of a label with NUL'; Run = { param($c) Get-OciNetwork -Label $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciVolume of an unclosed [ pattern'; Run = { param($c) Get-OciVolume -Name 'a[' -Connection $c }; Id = 'Oci.InvalidWildcard'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciVolume of a 17 KB driver'; Run = { param($c) Get-OciVolume -Driver $K17 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Get-OciVolume of a label with NUL'; Run = { param($c) Get-OciVolume -Label $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Invoke-OciContainer and New-OciContainer ----
    @{ Name = 'Invoke-OciContainer of an invalid image'; Run = { param($c) Invoke-OciContainer 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a name with a space'; Run = { param($c) Invoke-OciContainer $Ref -Name 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a network with a space'; Run = { param($c) Invoke-OciContainer $Ref -Network 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a published port 99999'; Run = { param($c) Invoke-OciContainer $Ref -Publish '99999:80' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a published word'; Run = { param($c) Invoke-OciContainer $Ref -Publish 'web' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of an unknown restart policy'; Run = { param($c) Invoke-OciContainer $Ref -RestartPolicy 'sometimes' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainer of a negative retry count'; Run = { param($c) Invoke-OciContainer $Ref -MaximumRetryCount -1 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainer of a negative memory'; Run = { param($c) Invoke-OciContainer $Ref -Memory -5 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainer of 2000 CPUs'; Run = { param($c) Invoke-OciContainer $Ref -Cpus 2000 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainer of an environment with an empty key'; Run = { param($c) Invoke-OciContainer $Ref -Environment @{ '' = 'v' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of an environment value with NUL'; Run = { param($c) Invoke-OciContainer $Ref -Environment @{ A = $Nul } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a relative working directory'; Run = { param($c) Invoke-OciContainer $Ref -WorkingDirectory 'rel' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a mount as a string'; Run = { param($c) Invoke-OciContainer $Ref -Mount '/a:/b' -Connection $c }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of an unknown pull policy'; Run = { param($c) Invoke-OciContainer $Ref -PullPolicy 'sometimes' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainer of a 17 KB label value'; Run = { param($c) Invoke-OciContainer $Ref -Label @{ k = $K17 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of 10001 command arguments'; Run = { param($c) Invoke-OciContainer $Ref $Many -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of 1.6 MB of command'; Run = { param($c) Invoke-OciContainer $Ref (@('c' * 16000) * 100) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of a user with NUL'; Run = { param($c) Invoke-OciContainer $Ref -User "root`0" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainer of an empty image'; Run = { param($c) Invoke-OciContainer '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'New-OciContainer of an invalid image'; Run = { param($c) New-OciContainer 'a b' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a one-character name'; Run = { param($c) New-OciContainer $Ref -Name 'a' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a 300-character name'; Run = { param($c) New-OciContainer $Ref -Name ('n' * 300) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of an environment key with ='; Run = { param($c) New-OciContainer $Ref -Environment @{ 'A=B' = 'v' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a command argument with NUL'; Run = { param($c) New-OciContainer $Ref 'sh', $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a published protocol icmp'; Run = { param($c) New-OciContainer $Ref -Publish '80:80/icmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a mount without a target'; Run = { param($c) New-OciContainer $Ref -Mount @{ Type = 'Tmpfs' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of 10001 environment entries'; Run = { param($c) New-OciContainer $Ref -Environment $Entries -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of a retry count without on-failure'; Run = { param($c) New-OciContainer $Ref -MaximumRetryCount 3 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciContainer of an empty network'; Run = { param($c) New-OciContainer $Ref -Network '' -Connection $c }; Id = $V; Category = 'InvalidData' }

    # ---- Invoke-OciContainerCommand ----
    @{ Name = 'Invoke-OciContainerCommand in a name with a space'; Run = { param($c) Invoke-OciContainerCommand 'a b' 'true' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainerCommand of no command'; Run = { param($c) Invoke-OciContainerCommand 'c1' @() -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciContainerCommand of a relative working directory'; Run = { param($c) Invoke-OciContainerCommand 'c1' 'true' -WorkingDirectory 'tmp' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainerCommand of a user with NUL'; Run = { param($c) Invoke-OciContainerCommand 'c1' 'true' -User "root`0" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainerCommand of a command with NUL'; Run = { param($c) Invoke-OciContainerCommand 'c1' 'sh', $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainerCommand of an environment with a null'; Run = { param($c) Invoke-OciContainerCommand 'c1' 'true' -Environment @{ A = $null } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciContainerCommand of 17 MB of input'; Run = { param($c) Invoke-OciContainerCommand 'c1' 'cat' -InputText ([string]::new([char]'i', 16 * 1024 * 1024 + 1)) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Invoke-OciPull, Invoke-OciPush ----
    @{ Name = 'Invoke-OciPull of an upper-case repository'; Run = { param($c) Invoke-OciPull 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a reference with a space'; Run = { param($c) Invoke-OciPull 'a b' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a 1025-character reference'; Run = { param($c) Invoke-OciPull ('a/' + 'b' * 1023) -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a short digest'; Run = { param($c) Invoke-OciPull 'a@sha256:abc' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a 100 KB platform'; Run = { param($c) Invoke-OciPull $Ref -Platform $K100 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a platform with ..'; Run = { param($c) Invoke-OciPull $Ref -Platform '../etc' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of a platform with four parts'; Run = { param($c) Invoke-OciPull $Ref -Platform 'linux/amd64/v8/x' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull with a 17 KB password'; Run = { param($c) Invoke-OciPull $Ref -Credential $BigSecret -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPull of an empty reference'; Run = { param($c) Invoke-OciPull '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciPull of a credential as a hashtable'; Run = { param($c) Invoke-OciPull $Ref -Credential @{ u = 'the-password' } -Connection $c }; Id = 'ParameterArgumentTransformationError'; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciPush of an upper-case repository'; Run = { param($c) Invoke-OciPush 'Upper' -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPush of a digest'; Run = { param($c) Invoke-OciPush $Digest -Connection $c }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciPush with a 17 KB password'; Run = { param($c) Invoke-OciPush $Ref -Credential $BigSecret -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- Invoke-OciRequest (methods, kinds, parameters) ----
    @{ Name = 'Invoke-OciRequest of an empty method'; Run = { param($c) Invoke-OciRequest '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciRequest of a method with a space'; Run = { param($c) Invoke-OciRequest 'PU LL' $Ref -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a 65-letter method'; Run = { param($c) Invoke-OciRequest ('A' * 65) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a method not served'; Run = { param($c) Invoke-OciRequest 'FROBNICATE' -Connection $c }; Id = 'Oci.Unsupported'; Category = 'NotImplemented' }
    @{ Name = 'Invoke-OciRequest of an unknown kind'; Run = { param($c) Invoke-OciRequest 'LIST' -Kind 'Spaceship' -Connection $c }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of PULL for a container'; Run = { param($c) Invoke-OciRequest 'PULL' $Ref -Kind Container -Connection $c }; Id = 'Oci.Unsupported'; Category = 'NotImplemented' }
    @{ Name = 'Invoke-OciRequest of a 4097-character target'; Run = { param($c) Invoke-OciRequest 'INSPECT' ('a' * 4097) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a target with NUL'; Run = { param($c) Invoke-OciRequest 'INSPECT' $Nul -Kind Container -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of an unknown parameter'; Run = { param($c) Invoke-OciRequest 'LIST' -Parameters @{ bogus = 1 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of 257 parameters'; Run = { param($c) $p = @{}; foreach ($i in 1..257) { $p["p$i"] = $i }; Invoke-OciRequest 'LIST' -Parameters $p -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a 100 KB platform'; Run = { param($c) Invoke-OciRequest 'PULL' $Ref -Parameters @{ platform = $K100 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a credential as a string'; Run = { param($c) Invoke-OciRequest 'PULL' $Ref -Parameters @{ credential = 'the-password' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a credential as a hashtable'; Run = { param($c) Invoke-OciRequest 'PULL' $Ref -Parameters @{ credential = @{ username = 'u'; password = 'the-password' } } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a credential as a SecureString'; Run = { param($c) Invoke-OciRequest 'PULL' $Ref -Parameters @{ credential = (ConvertTo-SecureString 'the-password' -AsPlainText -Force) } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a credential as an array'; Run = { param($c) Invoke-OciRequest 'PUSH' $Ref -Parameters @{ credential = 'u', 'the-password' } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a credential as a number'; Run = { param($c) Invoke-OciRequest 'LOGIN' '127.0.0.1:5000' -Kind Registry -Parameters @{ credential = 42 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a PSCredential as an environment value'; Run = { param($c) Invoke-OciRequest 'CREATE' $Ref -Kind Container -Parameters @{ environment = @{ DB_PASSWORD = $Secret } } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of input as a hashtable'; Run = { param($c) Invoke-OciRequest 'EXEC' 'c1' -Kind Container -Parameters @{ command = 'cat'; input = @{ secret = 'the-password' } } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of 10001 labels'; Run = { param($c) Invoke-OciRequest 'LIST' -Parameters @{ labels = $Many } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of an endless list'; Run = { param($c) Invoke-OciRequest 'LIST' -Parameters @{ labels = $Endless } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest nested 20 levels deep'; Run = { param($c) Invoke-OciRequest 'CREATE' $Ref -Kind Container -Parameters @{ labels = $Deep } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciRequest of a null connection'; Run = { param($c) Invoke-OciRequest 'PING' -Connection $null }; Id = $V; Category = 'InvalidData' }

    # ---- PowerShell sessions in containers ----
    @{ Name = 'New-OciPSSession in a name with a space'; Run = { param($c) New-OciPSSession 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciPSSession in a path'; Run = { param($c) New-OciPSSession '../../etc' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciPSSession as a user with NUL'; Run = { param($c) New-OciPSSession 'c1' -User "root`0" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciPSSession as a 300-character user'; Run = { param($c) New-OciPSSession 'c1' -User ('u' * 300) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciPSSession of timeout 0'; Run = { param($c) New-OciPSSession 'c1' -Timeout 0 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'New-OciPSSession of an empty name'; Run = { param($c) New-OciPSSession 'c1' -Name '' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciCommand in a name with a semicolon'; Run = { param($c) Invoke-OciCommand 'a;b' { 1 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciCommand in a 5000-character name'; Run = { param($c) Invoke-OciCommand ('c' * 5000) { 1 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciCommand as a user with a newline'; Run = { param($c) Invoke-OciCommand 'c1' { 1 } -User "a`nb" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Invoke-OciCommand of a two-hour timeout'; Run = { param($c) Invoke-OciCommand 'c1' { 1 } -Timeout 7200 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Invoke-OciCommand of an object without a container'; Run = { param($c) [pscustomobject]@{ Foo = 1 } | Invoke-OciCommand { 1 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Enter-OciPSSession of a timeout in words'; Run = { param($c) Enter-OciPSSession 'c1' -Timeout 'soon' -Connection $c }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Enter-OciPSSession in a name with a space'; Run = { param($c) Enter-OciPSSession 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Enter-OciPSSession as a user with NUL'; Run = { param($c) Enter-OciPSSession 'c1' -User "u`0" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Enter-OciPSSession of an empty container'; Run = { param($c) Enter-OciPSSession '' -Connection $c }; Id = $V; Category = 'InvalidData' }

    # ---- New-OciNetwork, New-OciVolume, Remove-OciNetwork, Remove-OciVolume ----
    @{ Name = 'New-OciNetwork of a name with a space'; Run = { param($c) New-OciNetwork 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciNetwork of a subnet that is no CIDR'; Run = { param($c) New-OciNetwork 'n1' -Subnet 'x' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciNetwork of a subnet prefix 33'; Run = { param($c) New-OciNetwork 'n1' -Subnet '10.0.0.0/33' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciNetwork of a gateway without a subnet'; Run = { param($c) New-OciNetwork 'n1' -Gateway '10.0.0.1' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciNetwork of an option with an empty key'; Run = { param($c) New-OciNetwork 'n1' -Option @{ '' = 1 } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciNetwork of a 17 KB driver'; Run = { param($c) New-OciNetwork 'n1' -Driver $K17 -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciVolume of a name with a space'; Run = { param($c) New-OciVolume 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciVolume of a 300-character name'; Run = { param($c) New-OciVolume ('v' * 300) -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciVolume of a driver option with NUL'; Run = { param($c) New-OciVolume 'v1' -DriverOption @{ k = $Nul } -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'New-OciVolume of 10001 labels'; Run = { param($c) New-OciVolume 'v1' -Label $Entries -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciNetwork of a name with a slash'; Run = { param($c) Remove-OciNetwork 'a/b' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciNetwork of an empty name'; Run = { param($c) Remove-OciNetwork '' -Connection $c -Confirm:$false }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Remove-OciVolume of a name with a colon'; Run = { param($c) Remove-OciVolume 'a:b' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciVolume of a name with a query'; Run = { param($c) Remove-OciVolume 'a?b' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }

    # ---- container actions ----
    @{ Name = 'Remove-OciContainer of a name with a semicolon'; Run = { param($c) Remove-OciContainer 'a;b' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciContainer of a 5000-character name'; Run = { param($c) Remove-OciContainer ('x' * 5000) -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciContainer of an object without an id'; Run = { param($c) [pscustomobject]@{ Foo = 1 } | Remove-OciContainer -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciContainer of an object whose id is a path'; Run = { param($c) [pscustomobject]@{ Id = '../../etc' } | Remove-OciContainer -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciImage of an invalid image'; Run = { param($c) Remove-OciImage 'Upper' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Remove-OciImage of an empty id'; Run = { param($c) Remove-OciImage '' -Connection $c -Confirm:$false }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Remove-OciImage of an object whose reference has a space'; Run = { param($c) [pscustomobject]@{ Reference = 'a b' } | Remove-OciImage -Connection $c -Confirm:$false }; Id = 'Oci.InvalidReference'; Category = 'InvalidArgument' }
    @{ Name = 'Restart-OciContainer of a negative timeout'; Run = { param($c) Restart-OciContainer 'c1' -Timeout -1 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Restart-OciContainer of a two-day timeout'; Run = { param($c) Restart-OciContainer 'c1' -Timeout 172800 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Restart-OciContainer of a name with a star'; Run = { param($c) Restart-OciContainer 'a*' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Resume-OciContainer of a name with a newline'; Run = { param($c) Resume-OciContainer "a`nb" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Resume-OciContainer of a unicode name'; Run = { param($c) Resume-OciContainer 'контейнер' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Send-OciContainerSignal of an unknown signal'; Run = { param($c) Send-OciContainerSignal 'c1' 'NOPE' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Send-OciContainerSignal of signal 999'; Run = { param($c) Send-OciContainerSignal 'c1' '999' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Send-OciContainerSignal of a signal with a shell'; Run = { param($c) Send-OciContainerSignal 'c1' 'KILL; rm -rf /' -Connection $c -Confirm:$false }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Send-OciContainerSignal of an empty signal'; Run = { param($c) Send-OciContainerSignal 'c1' '' -Connection $c -Confirm:$false }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Start-OciContainer of a name with a space'; Run = { param($c) Start-OciContainer 'a b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Start-OciContainer of a path'; Run = { param($c) Start-OciContainer '../../etc' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Start-OciContainer of a name starting with a dash'; Run = { param($c) Start-OciContainer '-a' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Start-OciContainer of an object without an id'; Run = { param($c) [pscustomobject]@{ Foo = 1 } | Start-OciContainer -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Start-OciContainer of a null id'; Run = { param($c) Start-OciContainer $null -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Stop-OciContainer of a negative timeout'; Run = { param($c) Stop-OciContainer 'c1' -Timeout -1 -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Stop-OciContainer of a timeout in words'; Run = { param($c) Stop-OciContainer 'c1' -Timeout 'soon' -Connection $c }; Id = $Convert; Category = 'InvalidArgument' }
    @{ Name = 'Stop-OciContainer of a name with a hash'; Run = { param($c) Stop-OciContainer 'a#b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Suspend-OciContainer of a name with a colon'; Run = { param($c) Suspend-OciContainer 'a:b' -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Suspend-OciContainer of a name with NUL'; Run = { param($c) Suspend-OciContainer $Nul -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
    @{ Name = 'Wait-OciContainer of an unknown condition'; Run = { param($c) Wait-OciContainer 'c1' -Condition 'whenever' -Connection $c }; Id = $V; Category = 'InvalidData' }
    @{ Name = 'Wait-OciContainer of a name with a quote'; Run = { param($c) Wait-OciContainer "a'b" -Connection $c }; Id = 'Oci.InvalidArgument'; Category = 'InvalidArgument' }
)
