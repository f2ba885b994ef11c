#Requires -Version 7.2
# Copy-OciContainerItem on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix cpctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Copy-OciContainerItem' {
    BeforeAll {
        $root = Join-Path ([IO.Path]::GetTempPath()) ("oci-cp-" + [guid]::NewGuid().ToString('N'))
        $source = New-Item -ItemType Directory -Path (Join-Path $root 'payload') -Force
        $null = New-Item -ItemType Directory -Path (Join-Path $source 'sub/deeper') -Force
        $random = [Random]::new(7)
        foreach ($f in @{ n = 'a.txt'; size = 10 }, @{ n = 'sub/deeper/b.bin'; size = 250000 }, @{ n = 'sub/c d.dat'; size = 4097 }) {
            $bytes = [byte[]]::new($f.size); $random.NextBytes($bytes)
            [IO.File]::WriteAllBytes((Join-Path $source $f.n), $bytes)
        }
        function Get-Tree([string] $Path) {
            Get-ChildItem -LiteralPath $Path -Recurse -File | Sort-Object FullName | ForEach-Object {
                '{0} {1}' -f [IO.Path]::GetRelativePath($Path, $_.FullName), (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash
            }
        }
    }

    AfterAll { Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue }

    It 'copies a folder into a container on <Name> and back out byte-identical' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        $bytes = Copy-OciContainerItem $source "$($ctr.Name):/tmp" -Connection $c -PassThru
        $bytes | Should -Be (Get-ChildItem $source -Recurse -File | Measure-Object Length -Sum).Sum
        (Invoke-OciContainerCommand $ctr.Name 'cat', '/tmp/payload/sub/c d.dat' -Connection $c).ExitCode | Should -Be 0
        $back = Join-Path $root "back-$Name"
        Push-Location $root
        try { Copy-OciContainerItem "$($ctr.Name):/tmp/payload" "./back-$Name" -Connection $c }
        finally { Pop-Location }
        Get-Tree $back | Should -Be (Get-Tree $source)
    }

    It 'needs a container on exactly one side; a missing source is a non-terminating error naming it; -WhatIf copies nothing' {
        { Copy-OciContainerItem $source (Join-Path $root 'x') -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.CopyOciContainerItem'
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run
        Copy-OciContainerItem "$($ctr.Name):/tmp/nothing-here" $root -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.CopyOciContainerItem'
        $ev[0].TargetObject | Should -Be "$($ctr.Name):/tmp/nothing-here"
        Copy-OciContainerItem $source "$($ctr.Name):/tmp" -Connection $docker -WhatIf
        (Invoke-OciContainerCommand $ctr.Name 'ls', '/tmp/payload' -Connection $docker).ExitCode | Should -Not -Be 0
    }
}
