import PalermoApp

await Palermo.main()
