# Help for New-OciVolume (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Creates volumes, like docker volume create.'
    Description   = @(
        'New-OciVolume creates each named volume on each engine and outputs it (Oci.OciVolume, with its Connection), as New-Item outputs what it made. Containers mount it by name.'
    )
    Parameters    = @{
        Name         = 'The names of the volumes: letters, digits and _ . - (starting with a letter or digit).'
        Driver       = 'The volume driver (local when omitted).'
        DriverOption = 'The driver''s options as a hashtable, e.g. @{ type = ''tmpfs''; device = ''tmpfs'' } for the local driver.'
        Label        = 'Labels as a hashtable, e.g. @{ team = ''web'' }.'
        Connection   = 'The engines to create on. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Driver = 'local' }
    Inputs        = @( @{ Type = 'System.String'; Description = 'Volume names.' } )
    Outputs       = @( @{ Type = 'Oci.OciVolume'; Description = 'The volume created.' } )
    Notes         = @( 'Errors name the volume: Oci.InvalidArgument for a malformed name, driver or option. The confirm impact is Low.' )
    Examples      = @(
        @{
            Title   = 'A labelled tmpfs volume'
            Code    = @'
PS> New-OciVolume cache -DriverOption @{ type = 'tmpfs'; device = 'tmpfs' } -Label @{ team = 'web' }
'@
            Remarks = 'Creates a volume kept in memory, labelled team=web.'
        }
    )
    Links         = @( @{ Text = 'Get-OciVolume' }; @{ Text = 'Remove-OciVolume' } )
}
